import type { Simulator } from '../simulators/base';

/**
 * Serves `sim` for the tests of one file: started before them, stopped after them. With `reset`,
 * before each test the simulator forgets its requests and faults (`sim.reset()`) and `reset`
 * clears or seeds the provider's state.
 */
export function serveForTests(sim: Simulator, reset?: () => void): void {
	beforeAll(async () => {
		await sim.start();
	});
	afterAll(async () => {
		await sim.stop();
	});
	if (reset) {
		beforeEach(() => {
			sim.reset();
			reset();
		});
	}
}
