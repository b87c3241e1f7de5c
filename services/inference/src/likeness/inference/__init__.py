"""likeness.inference: engines (vLLM, transformers), the OpenAI-compatible HTTP API, batch
normalisation and the gRPC InferenceService."""
