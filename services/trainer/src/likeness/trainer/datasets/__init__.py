"""Training datasets built from the database (see ``build`` for the files, ``spec`` for the rows).

dataset = build_dataset(db, DatasetSpec(kind="persona-chat", persona="alice"), data_dir)
for row in dataset.rows("train"): ...
"""

from likeness.core.dataset_rows import EmptyDataset
from likeness.trainer.datasets.build import build_dataset, build_dataset_async
from likeness.trainer.datasets.spec import BuiltDataset, DatasetKind, DatasetSpec

__all__ = [
    "BuiltDataset",
    "DatasetKind",
    "DatasetSpec",
    "EmptyDataset",
    "build_dataset",
    "build_dataset_async",
]
