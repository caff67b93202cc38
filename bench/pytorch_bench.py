#!/usr/bin/env python3
"""PyTorch side of Digit Lab's side-by-side benchmark (see bench/README.md).

Trains the same networks as `./digitlab bench` on CPU and measures them the same way:

  original  784-28-28-10, sigmoid hidden layers, softmax output
  mlp       784-256-128-10, ReLU, dropout 0.2, softmax output
  lenet     1x28x28 -> conv 16 5x5 same -> ReLU -> maxpool 2 -> conv 32 5x5 valid -> ReLU -> maxpool 2
            -> dense 128 -> ReLU -> dense 10, softmax output (digitlab.nn.conv's LeNet preset)

with the loss and optimizer of Digit Lab's presets (--configs, which compare-pytorch.sh takes from
Digit Lab's benchmark output; default cross-entropy and Adam).

For each network, thread count (torch.set_num_threads) and batch size: training samples per second
(a full step: forward, loss, backward, optimizer update; synthetic random inputs in [0, 1) and random
labels; median over timed repetitions after warm-up), and the median latency of a single-image
forward pass (eval mode, no_grad) in microseconds.

Each thread count is measured in its own Python process with OMP_NUM_THREADS, OPENBLAS_NUM_THREADS
and MKL_NUM_THREADS set to it as well as torch.set_num_threads, so the BLAS library really uses
that many threads.

Usage: pytorch_bench.py [--threads 1,2] [--batches 1,32,64,256] [--networks original,mlp,lenet] [--json]
(with --configs, the networks are the ones it names)
With --json the last line of output is one JSON object.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

# torch is imported only in the child process that measures one thread count, after the thread
# environment variables are set: OpenBLAS (Debian's torch links the system BLAS) reads
# OPENBLAS_NUM_THREADS when it loads and ignores torch.set_num_threads.
torch = None
nn = None

POOL = 4096          # synthetic samples the batches are cut from
WARMUP_SECONDS = 0.3
REPETITIONS = 7
REPETITION_SECONDS = 0.2


def build(name):
    if name == "original":
        return nn.Sequential(nn.Linear(784, 28), nn.Sigmoid(), nn.Linear(28, 28), nn.Sigmoid(), nn.Linear(28, 10))
    if name == "mlp":
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.2),
                             nn.Linear(256, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 10))
    if name == "lenet":
        # the flat 784-float samples viewed as 1x28x28 images, as Digit Lab's "1x28x28" input does
        return nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                             nn.Conv2d(1, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Flatten(), nn.Linear(32 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10))
    raise ValueError(f"unknown network {name!r} (known: {', '.join(NETWORKS)})")


NETWORKS = ("original", "mlp", "lenet")


def timed(step, warmup_seconds=WARMUP_SECONDS, repetitions=REPETITIONS, seconds=REPETITION_SECONDS):
    """Median seconds per call of step() over timed repetitions, after warm-up: (wall clock, CPU time
    of this thread). With one thread all the work is on this thread, so the CPU figure is what a
    step costs when it has a core to itself; the wall figure also holds time other processes had it."""
    start = time.perf_counter()
    calls = 0
    while time.perf_counter() - start < warmup_seconds or calls < 3:
        step()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    n = max(1, int(seconds / per_call))
    wall, cpu = [], []
    for _ in range(repetitions):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        wall.append((time.perf_counter() - t0) / n)
        cpu.append((time.thread_time() - c0) / n)
    return statistics.median(wall), statistics.median(cpu)


def make_optimizer(params, config):
    """The optimizer Digit Lab's preset uses (names as in its TrainingConfig)."""
    kind = config.get("optimizer", "adam")
    lr = config.get("learning_rate", 1e-3)
    decay = config.get("weight_decay", 0.0)
    betas = (config.get("beta1", 0.9), config.get("beta2", 0.999))
    eps = config.get("epsilon", 1e-8)
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr, weight_decay=decay)
    if kind == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=config.get("momentum", 0.9),
                               nesterov=config.get("nesterov", False), weight_decay=decay)
    if kind == "adam":
        return torch.optim.Adam(params, lr=lr, betas=betas, eps=eps, weight_decay=decay)
    if kind == "adamw":
        return torch.optim.AdamW(params, lr=lr, betas=betas, eps=eps, weight_decay=decay)
    raise ValueError(f"unknown optimizer {kind!r}")


def make_loss(config):
    if config.get("loss", "xent") == "xent":
        return nn.CrossEntropyLoss()
    # quadratic loss on the softmax output against one-hot labels
    mse = nn.MSELoss()
    return lambda logits, y: mse(torch.softmax(logits, dim=1), nn.functional.one_hot(y, 10).float())


def train_rate(name, batch, config):
    torch.manual_seed(1)
    model = build(name)
    model.train()
    optimizer = make_optimizer(model.parameters(), config)
    loss_fn = make_loss(config)
    inputs = torch.rand(POOL, 784)
    labels = torch.randint(0, 10, (POOL,))
    position = [0]

    def step():
        i = position[0]
        if i + batch > POOL:
            i = 0
        position[0] = i + batch
        x = inputs[i:i + batch]
        y = labels[i:i + batch]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    wall, cpu = timed(step)
    return batch / wall, batch / cpu


def inference_micros(name):
    torch.manual_seed(1)
    model = build(name)
    model.eval()
    x = torch.rand(1, 784)

    def step():
        with torch.no_grad():
            torch.softmax(model(x), dim=1)

    wall, cpu = timed(step)
    return wall * 1e6, cpu * 1e6


def blas_library():
    """The BLAS library the process has loaded (Debian's torch uses the system libblas.so.3)."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                if "blas" in line or "mkl" in line:
                    return line.split()[-1]
    except OSError:
        pass
    return "unknown"


def measure(threads, batches, configs, networks):
    """Child process: all figures for one thread count, as a dict."""
    global torch, nn
    try:
        import torch as torch_module
        from torch import nn as nn_module
    except ImportError:
        sys.exit("pytorch_bench.py: PyTorch is not installed; install it with: apt-get install -y python3-torch")
    torch, nn = torch_module, nn_module
    torch.set_num_threads(threads)
    out = {"version": torch.__version__, "blas": blas_library(), "threads": threads, "networks": {}}
    for name in networks:
        training = []
        for b in batches:
            rate, cpu_rate = train_rate(name, b, configs.get(name, {}))
            figure = {"threads": threads, "batch": b, "samples_per_second": round(rate, 1)}
            if threads == 1:
                figure["cpu_samples_per_second"] = round(cpu_rate, 1)
            training.append(figure)
            cpu_text = f"({cpu_rate:,.0f})" if threads == 1 else ""
            print(f"{name:<10} {threads:>7} {b:>6} {rate:>12,.0f} {cpu_text:>16}", flush=True)
        us, cpu_us = inference_micros(name)
        print(f"{name:<10} {threads:>7} {'infer':>6} {us:>9.1f} us (CPU time {cpu_us:.1f} us) single-image forward, median",
              flush=True)
        out["networks"][name] = {"training": training, "inference_us": round(us, 2), "inference_cpu_us": round(cpu_us, 2)}
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--batches", default="1,32,64,256")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--networks", default=None,
                        help="comma-separated, from " + ",".join(NETWORKS) + " (default: those --configs names, else all)")
    parser.add_argument("--configs", default="{}",
                        help='JSON {"original": {"optimizer": "momentum", "learning_rate": 0.3, ...}, "mlp": {...}}: '
                             "the training configurations of Digit Lab's presets (default: Adam, cross-entropy)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    batches = [int(b) for b in args.batches.split(",")]
    configs = json.loads(args.configs)
    networks = args.networks.split(",") if args.networks else [n for n in NETWORKS if not configs or n in configs]
    unknown = [n for n in networks if n not in NETWORKS]
    if unknown:
        sys.exit(f"pytorch_bench.py: --networks: unknown network {unknown[0]!r} (known: {', '.join(NETWORKS)})")

    if args.child:
        print(json.dumps(measure(threads[0], batches, configs, networks)))
        return

    print(f"PyTorch on CPU; synthetic random inputs and labels; "
          f"medians of {REPETITIONS} timed repetitions after warm-up")
    print(f"{'network':<10} {'threads':>7} {'batch':>6} {'samples/s':>12} {'(CPU-time rate)':>16}", flush=True)
    result = {"framework": "pytorch", "data": "synthetic random inputs and labels", "configs": configs, "networks": {}}
    for name in networks:
        c = configs.get(name, {})
        print(f"{name}: {c.get('optimizer', 'adam')} lr {c.get('learning_rate', 1e-3)}, loss {c.get('loss', 'xent')}")
    for t in threads:
        env = dict(os.environ, OMP_NUM_THREADS=str(t), OPENBLAS_NUM_THREADS=str(t), MKL_NUM_THREADS=str(t))
        child = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", "--threads", str(t),
                                "--batches", args.batches, "--configs", args.configs,
                                "--networks", ",".join(networks)],
                               env=env, stdout=subprocess.PIPE, text=True)
        lines = child.stdout.strip().splitlines()
        for line in lines[:-1]:
            print(line, flush=True)
        if child.returncode != 0 or not lines:
            sys.exit(child.returncode or 1)
        part = json.loads(lines[-1])
        result["version"] = part["version"]
        result["blas"] = part["blas"]
        for name, figures in part["networks"].items():
            entry = result["networks"].setdefault(name, {"training": [], "inference_us": {}, "inference_cpu_us": {}})
            entry["training"].extend(figures["training"])
            entry["inference_us"][str(t)] = figures["inference_us"]
            entry["inference_cpu_us"][str(t)] = figures["inference_cpu_us"]
    print(f"PyTorch {result.get('version')}, BLAS: {result.get('blas')}")
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
