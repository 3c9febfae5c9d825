"""The deployment files (deploy/): the Kubernetes manifests render with kustomize (no cluster)
and hold the production topology; the compose file and its nginx match it; the nginx config of
`make run-prod` (components/proxy.py) follows the settings and nginx accepts it."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from components.proxy import check, render, replica_ports, write
from components.settings import InvalidSetting, load_settings
from testkit import ROOT

KUBECTL = shutil.which("kubectl") or ("/usr/bin/kubectl" if Path("/usr/bin/kubectl").exists()
                                      else None)
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
PRODUCTION = {"ASSISTANT_DATABASE_URL": "postgresql://rasa@127.0.0.1:5432/rasa",
              "ASSISTANT_REDIS_URL": "redis://127.0.0.1:6379/1"}


@pytest.fixture(scope="module")
def rendered():
    if not KUBECTL:
        pytest.skip("kubectl is not installed (it renders deploy/k8s with kustomize)")
    out = subprocess.run([KUBECTL, "kustomize", str(ROOT / "deploy" / "k8s")], check=True,
                         capture_output=True, text=True, timeout=60).stdout
    return {(doc["kind"], doc["metadata"]["name"]): doc
            for doc in yaml.safe_load_all(out) if doc}


def container(deployment):
    [only] = deployment["spec"]["template"]["spec"]["containers"]
    return only


@pytest.mark.parametrize("name, min_replicas, port", [
    ("rasa", 2, 5005), ("actions", 1, 5055), ("web", 1, 8000),
])
def test_deployment_and_service(rendered, name, min_replicas, port):
    deployment = rendered[("Deployment", name)]
    assert deployment["metadata"]["namespace"] == "innovasjon"
    assert deployment["spec"]["replicas"] >= min_replicas
    selector = deployment["spec"]["selector"]["matchLabels"]
    assert deployment["spec"]["template"]["metadata"]["labels"].items() >= selector.items()
    spec = container(deployment)
    assert spec["args"] == [name]
    assert [p["containerPort"] for p in spec["ports"]] == [port]
    sources = [next(iter(s.values()))["name"] for s in spec["envFrom"]]
    assert sources[0].startswith("assistant-settings-")  # the generated ConfigMap, hashed
    assert sources[1] == "assistant-secrets"
    service = rendered[("Service", name)]
    assert service["spec"]["selector"] == selector
    assert service["spec"]["ports"][0]["port"] == port
    assert "readinessProbe" in spec and "livenessProbe" in spec


@pytest.mark.parametrize("probe, path", [("readinessProbe", "/readyz"), ("livenessProbe", "/livez")])
def test_web_probes(rendered, probe, path):
    assert container(rendered[("Deployment", "web")])[probe]["httpGet"]["path"] == path


def test_the_settings_config_map_names_the_services(rendered):
    [config] = [doc for (kind, _), doc in rendered.items() if kind == "ConfigMap"]
    assert config["data"]["ASSISTANT_RASA_URL"] == "http://rasa:5005"
    assert config["data"]["ASSISTANT_ACTION_URL"] == "http://actions:5055"


def test_socketio_is_sticky_and_rest_is_not(rendered):
    sticky = rendered[("Ingress", "assistant-socketio")]
    assert sticky["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    paths = {p["path"]: p["backend"]["service"]["name"]
             for rule in sticky["spec"]["rules"] for p in rule["http"]["paths"]}
    assert paths == {"/socket.io/": "rasa"}
    plain = rendered[("Ingress", "assistant")]
    assert "annotations" not in plain["metadata"]
    paths = {p["path"]: p["backend"]["service"]["name"]
             for rule in plain["spec"]["rules"] for p in rule["http"]["paths"]}
    assert paths == {"/webhooks/": "rasa", "/": "web"}


def test_compose_topology():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "actions", "rasa", "web", "nginx"}
    assert services["rasa"]["deploy"]["replicas"] == "${RASA_REPLICAS:-2}"
    for name in ("actions", "rasa", "web"):
        assert services[name]["build"]["target"] == name
        assert services[name]["environment"]["ASSISTANT_REDIS_URL"] == "redis://redis:6379/1"
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    socketio = conf.split("upstream rasa_socketio")[1].split("}")[0]
    rest = conf.split("upstream rasa_rest")[1].split("}")[0]
    assert "ip_hash" in socketio and "ip_hash" not in rest


@pytest.mark.parametrize("env, ports", [
    ({}, [5005, 5006]),
    ({"ASSISTANT_RASA_REPLICAS": "3", "RASA_PORT": "6000"}, [6000, 6001, 6002]),
    ({"ASSISTANT_RASA_REPLICAS": "1"}, [5005]),
])
def test_proxy_config_follows_the_settings(tmp_path, env, ports):
    settings = load_settings({**PRODUCTION, **env})
    assert replica_ports(settings) == ports
    conf = render(settings, tmp_path)
    socketio = conf.split("upstream rasa_socketio")[1].split("}")[0]
    rest = conf.split("upstream rasa_rest")[1].split("}")[0]
    assert "ip_hash" in socketio and "ip_hash" not in rest
    for block in (socketio, rest):
        assert [int(line.split(":")[1].rstrip(";")) for line in block.splitlines()
                if "server 127.0.0.1:" in line] == ports
    assert "listen 127.0.0.1:8080;" in conf


@pytest.mark.parametrize("env, variables", [
    ({"ASSISTANT_DATABASE_URL": "sqlite:///build/x.db"}, ["ASSISTANT_REDIS_URL",
                                                          "ASSISTANT_DATABASE_URL"]),
    ({"ASSISTANT_DATABASE_URL": PRODUCTION["ASSISTANT_DATABASE_URL"]}, ["ASSISTANT_REDIS_URL"]),
    ({**PRODUCTION, "ASSISTANT_PROXY_PORT": "5006"}, ["ASSISTANT_PROXY_PORT"]),
    ({**PRODUCTION, "ASSISTANT_PROXY_PORT": "8000"}, ["ASSISTANT_PROXY_PORT"]),
])
def test_proxy_settings_that_cannot_run_are_named(env, variables):
    with pytest.raises(InvalidSetting) as error:
        check(load_settings(env))
    assert error.value.variables == variables


@pytest.mark.parametrize("env", [{}, {"ASSISTANT_STAFF_TRUSTED_HEADER": "X-Forwarded-User"}])
def test_nginx_accepts_the_generated_config(tmp_path, env):
    if not NGINX:
        pytest.skip("nginx is not installed (scripts/install-proxy.sh installs it)")
    settings = load_settings({**PRODUCTION, **env})
    conf = write(tmp_path, settings)
    if env:
        assert 'proxy_set_header X-Forwarded-User "";' in conf.read_text()
    result = subprocess.run([NGINX, "-t", "-q", "-p", str(tmp_path), "-c", str(conf)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
