import { Redactor } from '../../nodes/shared/http/redact';

describe('Redactor', () => {
	const redactor = new Redactor(['key-123456']);

	it('removes an echoed Authorization header value it was never told about', () => {
		expect(redactor.text('got Authorization: Bearer fc-token-0123456789abcdef from you')).toBe('got Authorization: Bearer [redacted] from you');
		expect(redactor.text('auth Basic bjhuOmVzLVNFQ1JFVC1rZXktNWU2ZjdnOGg= refused')).toBe('auth Basic [redacted] refused');
	});

	it('keeps ordinary words after Basic or Bearer', () => {
		expect(redactor.text('Basic plan required; Bearer token missing')).toBe('Basic plan required; Bearer token missing');
	});

	it('still removes the secrets it knows, as given and URL-encoded', () => {
		expect(redactor.text('key-123456 and key-123456')).toBe('[redacted] and [redacted]');
	});
});
