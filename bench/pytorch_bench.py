#!/usr/bin/env python3
"""PyTorch side of Digit Lab's side-by-side benchmark (see bench/README.md).

Trains the same networks as `./digitlab bench` on CPU and measures them the same way:

  original  784-28-28-10, sigmoid hidden layers, softmax output (cross-entropy), Adam
  mlp       784-256-128-10, ReLU, dropout 0.2, softmax output (cross-entropy), Adam

For each network, thread count (torch.set_num_threads) and batch size: training samples per second
(a full step: forward, loss, backward, Adam update; synthetic random inputs in [0, 1) and random
labels; median over timed repetitions after warm-up), and the median latency of a single-image
forward pass (eval mode, no_grad) in microseconds.

Usage: pytorch_bench.py [--threads 1,2] [--batches 1,32,64,256] [--json]
With --json the last line of output is one JSON object.
"""
import argparse
import json
import statistics
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    sys.exit("pytorch_bench.py: PyTorch is not installed; install it with: apt-get install -y python3-torch")

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
    raise ValueError(name)


def timed(step, warmup_seconds=WARMUP_SECONDS, repetitions=REPETITIONS, seconds=REPETITION_SECONDS):
    """Median seconds per call of step() over timed repetitions, after warm-up."""
    start = time.perf_counter()
    calls = 0
    while time.perf_counter() - start < warmup_seconds or calls < 3:
        step()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    n = max(1, int(seconds / per_call))
    samples = []
    for _ in range(repetitions):
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        samples.append((time.perf_counter() - t0) / n)
    return statistics.median(samples)


def train_rate(name, batch):
    torch.manual_seed(1)
    model = build(name)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
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

    return batch / timed(step)


def inference_micros(name):
    torch.manual_seed(1)
    model = build(name)
    model.eval()
    x = torch.rand(1, 784)

    def step():
        with torch.no_grad():
            torch.softmax(model(x), dim=1)

    return timed(step) * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--batches", default="1,32,64,256")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    batches = [int(b) for b in args.batches.split(",")]

    result = {"framework": "pytorch", "version": torch.__version__, "data": "synthetic random inputs and labels",
              "networks": {}}
    print(f"PyTorch {torch.__version__} on CPU; synthetic random inputs and labels; "
          f"medians of {REPETITIONS} timed repetitions after warm-up")
    print(f"{'network':<10} {'threads':>7} {'batch':>6} {'samples/s':>12}")
    for name in ("original", "mlp"):
        entry = {"training": [], "inference_us": {}}
        for t in threads:
            torch.set_num_threads(t)
            for b in batches:
                rate = train_rate(name, b)
                entry["training"].append({"threads": t, "batch": b, "samples_per_second": round(rate, 1)})
                print(f"{name:<10} {t:>7} {b:>6} {rate:>12,.0f}", flush=True)
            us = inference_micros(name)
            entry["inference_us"][str(t)] = round(us, 2)
            print(f"{name:<10} {t:>7} {'infer':>6} {us:>9.1f} us (single-image forward, median)", flush=True)
        result["networks"][name] = entry
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
