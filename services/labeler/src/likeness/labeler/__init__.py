"""likeness.labeler: human feedback on normalisation (proposals, judgments, exports).

Contract: proto/likeness/v1/labeler.proto; built in a later issue.
"""
