/**
 * Runs `task` over `inputs` with at most `concurrency` at a time; results keep input order.
 * When a task throws, no new task starts, and the first error in input order is thrown once the
 * running tasks have settled.
 */
export async function mapConcurrent<T, R>(
	inputs: readonly T[],
	concurrency: number,
	task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	const errors: Array<{ index: number; error: unknown }> = [];
	let next = 0;
	const worker = async () => {
		while (next < inputs.length && !errors.length) {
			const index = next++;
			try {
				results[index] = await task(inputs[index], index);
			} catch (error) {
				errors.push({ index, error });
			}
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker);
	await Promise.all(workers);
	if (errors.length) {
		errors.sort((a, b) => a.index - b.index);
		throw errors[0].error;
	}
	return results;
}
