"""deploy/k8s: every manifest valid against the Kubernetes schemas (kubernetes-validate's offline
copies, strict: unknown fields fail), the kustomizations rendered by kubectl's built-in
kustomize where kubectl is installed, and the deployment's rules: gRPC probes, GPU requests,
the shared volume, secrets from the Secret, a migration Job, trainers that scale by replicas.

The PyTorchJob is a Kubeflow custom resource, whose schema kubernetes-validate does not ship:
its pod template is validated as a core PodTemplateSpec and its structure checked here.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from likeness.core.health import GRPC_NAMES

REPO = Path(__file__).resolve().parents[2]
K8S = REPO / "deploy" / "k8s"
BASE = K8S / "base"
OVERLAYS = sorted(p.parent for p in (K8S / "overlays").glob("*/kustomization.yaml"))
KUBERNETES_VERSION = "1.37.0"
GRPC_PORTS = {"ingest": 50051, "inference": 50052, "labeler": 50053, "trainer": 50054}
NOT_RESOURCES = {"kustomization.yaml"}


def load(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text("utf-8")) if doc]


def manifests() -> list[tuple[str, dict[str, Any]]]:
    """Every Kubernetes document under deploy/k8s (patches and the PyTorchJob aside)."""
    found = []
    for path in sorted(K8S.rglob("*.yaml")):
        if path.name in NOT_RESOURCES or "overlays" in path.parts or "training" in path.parts:
            continue
        found += [(f"{path.relative_to(K8S)}:{doc['kind']}", doc) for doc in load(path)]
    return found


def base_resources() -> dict[tuple[str, str], dict[str, Any]]:
    docs = {}
    for name in load(BASE / "kustomization.yaml")[0]["resources"]:
        for doc in load(BASE / name):
            docs[(doc["kind"], doc["metadata"]["name"])] = doc
    return docs


def container(deployment: dict[str, Any]) -> dict[str, Any]:
    (only,) = deployment["spec"]["template"]["spec"]["containers"]
    return only


@pytest.mark.parametrize(("where", "doc"), manifests(), ids=[m[0] for m in manifests()])
def test_each_manifest_is_valid_against_its_schema(where: str, doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_validation_rejects_a_broken_manifest() -> None:
    deployment = base_resources()[("Deployment", "likeness-ingest")]
    broken = yaml.safe_load(yaml.safe_dump(deployment))
    broken["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)
    broken = yaml.safe_load(yaml.safe_dump(deployment))
    container(broken)["livenesProbe"] = {}  # a typo: strict validation refuses unknown fields
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl (its kustomize) not installed")
@pytest.mark.parametrize("folder", [BASE, *OVERLAYS], ids=lambda p: p.name)
def test_the_kustomizations_render_to_valid_manifests(folder: Path) -> None:
    rendered = subprocess.run(
        ["kubectl", "kustomize", str(folder)], capture_output=True, text=True, timeout=60
    )
    assert rendered.returncode == 0, rendered.stderr
    docs = [d for d in yaml.safe_load_all(rendered.stdout) if d]
    assert {d["kind"] for d in docs} >= {"Namespace", "Deployment", "Service", "Job"}
    for doc in docs:
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        if doc["kind"] != "Namespace":
            assert doc["metadata"]["namespace"] == "likeness"
    if folder.name == "tensor-parallel":
        (inference,) = [
            d
            for d in docs
            if d["kind"] == "Deployment" and d["metadata"]["name"].endswith("inference")
        ]
        env = {e["name"]: e.get("value") for e in container(inference)["env"]}
        gpus = container(inference)["resources"]["limits"]["nvidia.com/gpu"]
        assert int(env["LIKENESS_VLLM_TENSOR_PARALLEL_SIZE"]) == gpus > 1
        assert env["LIKENESS_ENGINE"] == "vllm"  # the base's env is kept, not replaced


def test_every_service_is_a_deployment_with_grpc_probes_and_a_service() -> None:
    docs = base_resources()
    for name, port in GRPC_PORTS.items():
        deployment = docs[("Deployment", f"likeness-{name}")]
        main = container(deployment)
        assert main["args"][:4] == ["serve", name, "--host", "0.0.0.0"]
        assert str(port) in main["args"]
        grpc_name = GRPC_NAMES[name]  # type: ignore[index]
        for probe in ("readinessProbe", "livenessProbe"):
            assert main[probe]["grpc"] == {"port": port, "service": grpc_name}, (name, probe)
        assert main["startupProbe"]["exec"]["command"] == [
            "python",
            "-m",
            "likeness.core.health",
            f"127.0.0.1:{port}",
            "--service",
            name,
        ]
        service = docs[("Service", f"likeness-{name}")]
        assert service["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]
        assert port in {p["port"] for p in service["spec"]["ports"]}
        pod = deployment["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == 10001  # the images' user
        claims = {
            v["persistentVolumeClaim"]["claimName"]
            for v in pod["volumes"]
            if "persistentVolumeClaim" in v
        }
        assert "likeness-data" in claims
        assert {"name": "data", "mountPath": "/data"} in main["volumeMounts"]


def test_secrets_come_from_the_secret_and_settings_from_the_config_map() -> None:
    docs = base_resources()
    config = docs[("ConfigMap", "likeness-config")]["data"]
    assert config["LIKENESS_DATA_DIR"] == "/data"
    for name, port in GRPC_PORTS.items():
        assert config[f"LIKENESS_{name.upper()}_ADDR"] == f"likeness-{name}:{port}"
    pods = [d for d in docs.values() if d["kind"] in ("Deployment", "Job")]
    assert len(pods) == 5
    for doc in pods:
        main = container(doc)
        assert {"configMapRef": {"name": "likeness-config"}} in main["envFrom"]
        env = {e["name"]: e for e in main["env"]}
        for variable, key in (
            ("LIKENESS_DATABASE_URL", "database-url"),
            ("LIKENESS_API_KEY", "api-key"),
        ):
            assert env[variable]["valueFrom"]["secretKeyRef"] == {
                "name": "likeness-secrets",
                "key": key,
            }
    # No Secret with values is part of the kustomization; the example's key is refused on purpose.
    assert not [d for d in docs.values() if d["kind"] == "Secret"]
    (example,) = load(K8S / "secret.example.yaml")
    assert set(example["stringData"]) == {"database-url", "api-key"}
    assert len(example["stringData"]["api-key"]) < 32  # `likeness keys ensure` refuses it


def test_gpus_are_requested_by_trainer_and_inference_only() -> None:
    for (kind, name), doc in base_resources().items():
        if kind != "Deployment":
            continue
        resources = container(doc)["resources"]
        gpus = resources.get("limits", {}).get("nvidia.com/gpu")
        if name in ("likeness-trainer", "likeness-inference"):
            assert gpus == 1 and resources["requests"]["nvidia.com/gpu"] == gpus, name
        else:
            assert gpus is None, name


def test_trainers_scale_by_replicas_and_migrations_run_as_a_job() -> None:
    docs = base_resources()
    trainer = docs[("Deployment", "likeness-trainer")]
    assert trainer["spec"]["replicas"] >= 2
    assert container(trainer)["args"][-2:] == ["--workers", "1"]
    (job,) = [d for d in docs.values() if d["kind"] == "Job"]
    assert container(job)["command"][-1] == "likeness db upgrade && likeness keys ensure kubernetes"
    claims = {
        d["metadata"]["name"]: d for d in docs.values() if d["kind"] == "PersistentVolumeClaim"
    }
    assert claims["likeness-data"]["spec"]["accessModes"] == ["ReadWriteMany"]


def test_the_pytorchjob_is_a_consistent_multi_node_accelerate_launch() -> None:
    (job,) = load(K8S / "training" / "pytorchjob.yaml")
    assert (job["apiVersion"], job["kind"]) == ("kubeflow.org/v1", "PyTorchJob")
    spec = job["spec"]
    replicas = spec["pytorchReplicaSpecs"]
    assert set(replicas) == {"Master", "Worker"} and replicas["Master"]["replicas"] == 1
    per_node = int(spec["nprocPerNode"])
    for role, replica in replicas.items():
        assert replica["restartPolicy"] in ("OnFailure", "Never", "ExitCode", "Always"), role
        template = replica["template"]
        # The pod template against the core schema, wrapped as the PodTemplate it is.
        kubernetes_validate.validate(
            {
                "apiVersion": "v1",
                "kind": "PodTemplate",
                "metadata": {"name": "x"},
                "template": template,
            },
            KUBERNETES_VERSION,
            strict=True,
        )
        (main,) = template["spec"]["containers"]
        assert main["name"] == "pytorch"  # the operator finds the training container by name
        env = {e["name"]: e for e in main["env"]}
        assert (
            int(env["GPUS_PER_NODE"]["value"])
            == per_node
            == main["resources"]["limits"]["nvidia.com/gpu"]
        )
        command = " ".join(main["args"])
        assert "accelerate launch --config_file /opt/likeness/accelerate/" in command
        assert '-m likeness.trainer.launch "$LIKENESS_JOB_ID"' in command
        for variable in ("PET_NNODES", "PET_NODE_RANK", "PET_MASTER_ADDR", "PET_MASTER_PORT"):
            assert f"${variable}" in command
        config = command.split("--config_file ", 1)[1].split()[0]
        assert (REPO / "deploy" / "accelerate" / Path(config).name).exists()
        assert {"name": "data", "mountPath": "/data"} in main["volumeMounts"]
        assert (
            env["LIKENESS_DATABASE_URL"]["valueFrom"]["secretKeyRef"]["name"] == "likeness-secrets"
        )
