"""likeness trainer: datasets built from the database, training recipes, and the job worker.

    dataset = build_dataset(db, DatasetSpec(kind="persona-chat", persona="alice"), data_dir)
    ctx = RunContext(run_dir=data_dir / "runs" / "r1", data_dir=data_dir)
    result = run_training(db, settings, "persona-sft", "alice", {"epochs": 2}, ctx)
    job_id = submit_training(db, "persona-sft", "alice", {"epochs": 2})  # for the worker

(``datasets.build.build_dataset``, ``recipes.base.RunContext``, ``runner.run_training``,
``training_jobs.submit_training``.) Recipes share one runner (``recipes.base``): checkpoints
with optimizer state, exact resume, a final save, progress reports (loss, learning rate, real
tokens/s, ETA), cancellation, and an artifact manifest registered in the ``models`` table.
"""
