"""The build: data/raw -> data/clean, validated, all or nothing (``python -m kzict.pipeline``).

run: the runner over the discovered tables (``kzict.tables``), reading through ``kzict.readers``;
corrections: data/raw/corrections.yaml; validate: the pandera models with cell-exact errors;
descriptor: datapackage.json; publish: read-back and the locked atomic swap.
Nothing here is imported by the loaders.
"""
