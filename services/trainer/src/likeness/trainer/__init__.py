"""likeness.trainer: training jobs (persona SFT, reward model + RL, DPO, from scratch).

Contract: proto/likeness/v1/trainer.proto; built in a later issue.
"""
