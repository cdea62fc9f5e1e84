'use strict';
// Imported first by a test file: switches on n8n's SSRF protection before n8n's config is read.
process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';
