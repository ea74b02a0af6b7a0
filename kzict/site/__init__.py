"""The static data site: every dataset, chart, correction and verdict as web pages (``make site``)."""
