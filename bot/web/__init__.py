"""The office web console (issue 20)."""
