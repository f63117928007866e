"""Reading inputs: files, folders, HTML pages and JSONL become Transcripts; text helpers and input limits."""
