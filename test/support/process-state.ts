import { resetProcessState } from '../../nodes/shared/http/accounts';

/**
 * Every test starts like a freshly started n8n process: no rate limiter or token state left from
 * an earlier test that used the same simulator account. Tests of sharing run their executions
 * inside one test.
 */
beforeEach(() => resetProcessState());
