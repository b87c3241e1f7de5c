"""likeness.inference: vLLM / transformers engines, OpenAI-compatible API, normalisation.

Contract: proto/likeness/v1/inference.proto; built in a later issue.
"""
