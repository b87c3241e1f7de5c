"""likeness trainer: datasets built from the database, training recipes, and the job worker.

    dataset = build_dataset(db, DatasetSpec(kind="persona-chat", persona="alice"), data_dir)
    result = run_recipe("persona-sft", db, "alice", config, context)

Recipes share one runner (``recipes.base``): checkpoints with optimizer state, exact resume,
a final save, progress reports (loss, learning rate, real tokens/s, ETA), cancellation, and an
artifact manifest registered in the ``models`` table.
"""
