"""Stage 6: Markdown pages and JSON data from analysed stories."""
