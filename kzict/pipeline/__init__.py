"""The pipeline: data/raw -> data/clean, validated, all or nothing (``python -m kzict.pipeline``).

parse: raw workbook reading and value parsers; corrections: data/raw/corrections.yaml;
validate: the pandera models with cell-exact errors; descriptor: datapackage.json;
scorecard: targets judged against outcomes; run: the runner over the discovered datasets.
Nothing here is imported by the loaders.
"""
