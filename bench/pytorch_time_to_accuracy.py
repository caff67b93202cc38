#!/usr/bin/env python3
"""PyTorch side of the time-to-accuracy comparison (bench/compare-pytorch.sh --time-to-accuracy).

Trains a Digit Lab architecture with Digit Lab's recipe on MNIST and measures, like
`digitlab train --target ACC`, the wall-clock seconds from the start of training until the model first
reaches ACC on the 10,000 test images, evaluations included. The same recipe in every respect that
changes the work:

  - the network: parsed from the lab's architecture text (conv2d, maxpool, flatten, dense, relu, tanh,
    sigmoid, dropout; a final softmax becomes CrossEntropyLoss on the logits), channels-first;
  - the initialisation scheme: He normal (std sqrt(2 / fan-in)) or Xavier uniform as the text names it
    (Digit Lab's defaults: He for conv2d, Xavier for dense), biases zero;
  - the data: the MNIST files of bundles/digitlab.data.mnist, pixels / 255, training on the first
    55,000 images (the lab holds the last 5,000 out for validation), reshuffled every epoch;
  - the optimizer (Adam, AdamW, SGD, momentum with its settings), batch size, epochs and the per-batch
    learning-rate schedule (cosine from the base rate to 0 over the run, or constant);
  - the evaluations: every round(eval_every x batches per epoch) batches and after the last one, in
    inference mode (model.eval(), no_grad) in batches of 256, stopping an evaluation as soon as
    more mistakes were made than the target allows, with the images the last evaluation got wrong
    first (the lab does the same, in batches of 256: same answer, less work).

Not handicapped: torch.set_num_threads and OMP/OpenBLAS/MKL_NUM_THREADS set to the thread count
(each thread count in its own process), the whole data set as one tensor in memory, batches cut by
index (no per-sample Python), zero_grad(set_to_none=True). The clock starts after the data and the
model are ready, as the lab's does.

Usage: pytorch_time_to_accuracy.py --arch TEXT --config JSON [--target 0.99] [--eval-every 0.1]
       [--threads 1,2] [--seeds 1] [--data DIR] [--json]
With --json the last line of output is one JSON object.
"""
import argparse
import gzip
import json
import math
import os
import re
import struct
import subprocess
import sys
import time

torch = None
nn = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bundles", "digitlab.data.mnist", "data")
TRAIN_IMAGES = 55_000
EVAL_BATCH = 256


def read_idx(path):
    """An IDX file (gzipped) as a uint8 tensor of its shape."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


def parse_layer(text):
    """'conv2d(filters=16, kernel=5, padding=same)' -> ('conv2d', ['...'], {'filters': '16', ...})."""
    m = re.fullmatch(r"\s*([a-z0-9_]+)\s*(?:\((.*)\))?\s*", text)
    if not m:
        raise ValueError(f"cannot read layer {text!r}")
    positional, named = [], {}
    for part in (m.group(2) or "").split(","):
        part = part.strip()
        if not part:
            continue
        if "=" in part:
            k, v = part.split("=", 1)
            named[k.strip()] = v.strip()
        else:
            positional.append(part)
    return m.group(1), positional, named


def init_weight(weight, scheme, fan_in, fan_out):
    if scheme in ("xavier", "glorot"):
        a = math.sqrt(6.0 / (fan_in + fan_out))
        nn.init.uniform_(weight, -a, a)
    else:
        nn.init.normal_(weight, 0.0, math.sqrt(2.0 / fan_in))


def build(arch):
    """The lab's architecture text as an nn.Sequential (logits out) and whether it ends in softmax."""
    parts = [p.strip() for p in arch.split("->")]
    c, h, w = (int(v) for v in parts[0].split("x"))
    layers = [nn.Unflatten(1, (c, h, w))]
    shape = (c, h, w)
    softmax = False
    for i, text in enumerate(parts[1:]):
        kind, pos, named = parse_layer(text)
        if kind == "conv2d":
            filters = int(named.get("filters", pos[0] if pos else 0))
            k = int(named.get("kernel", 3))
            stride = int(named.get("stride", 1))
            same = named.get("padding", "valid") == "same"
            pad = (k - 1) // 2 if same else 0
            conv = nn.Conv2d(shape[0], filters, k, stride=stride, padding=pad)
            init_weight(conv.weight, named.get("init", "he"), shape[0] * k * k, filters * k * k)
            nn.init.zeros_(conv.bias)
            layers.append(conv)
            oh = (shape[1] + 2 * pad - k) // stride + 1
            ow = (shape[2] + 2 * pad - k) // stride + 1
            shape = (filters, oh, ow)
        elif kind == "maxpool":
            size = int(named.get("size", pos[0] if pos else 2))
            stride = int(named.get("stride", pos[1] if len(pos) > 1 else size))
            layers.append(nn.MaxPool2d(size, stride))
            shape = (shape[0], (shape[1] - size) // stride + 1, (shape[2] - size) // stride + 1)
        elif kind == "flatten":
            layers.append(nn.Flatten())
            shape = (shape[0] * shape[1] * shape[2],)
        elif kind == "dense":
            units = int(named.get("units", pos[0] if pos else 0))
            fan_in = math.prod(shape)
            if len(shape) > 1:
                layers.append(nn.Flatten())
            lin = nn.Linear(fan_in, units)
            init_weight(lin.weight, named.get("init", "xavier"), fan_in, units)
            nn.init.zeros_(lin.bias)
            layers.append(lin)
            shape = (units,)
        elif kind == "relu":
            layers.append(nn.ReLU())
        elif kind == "tanh":
            layers.append(nn.Tanh())
        elif kind == "sigmoid":
            layers.append(nn.Sigmoid())
        elif kind == "dropout":
            layers.append(nn.Dropout(float(named.get("rate", pos[0] if pos else 0.5))))
        elif kind == "softmax" and i == len(parts) - 2:
            softmax = True
        else:
            raise ValueError(f"layer {text!r} is not supported here")
    return nn.Sequential(*layers), softmax


def make_optimizer(params, config):
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


def schedule_factor(schedule, progress, epochs):
    """Digit Lab's LearningRateSchedule: constant, cosine[:MIN], step:EVERY:GAMMA."""
    parts = schedule.split(":")
    if parts[0] == "constant":
        return 1.0
    if parts[0] == "cosine":
        low = float(parts[1]) if len(parts) > 1 else 0.0
        return low + (1 - low) * 0.5 * (1 + math.cos(math.pi * min(1.0, progress / epochs)))
    if parts[0] == "step":
        return float(parts[2]) ** (int(progress) // int(parts[1]))
    raise ValueError(f"unknown schedule {schedule!r}")


def count_correct(model, images, labels, max_mistakes, order):
    """Correct predictions over the images in the given order (a permutation tensor), stopping after the
    chunk in which the mistakes exceed max_mistakes; and the next order: the mistakes of this evaluation
    first (in the order met), then the other images in their previous order (the lab's HardFirstOrder)."""
    correct = 0
    wrong = []
    with torch.no_grad():
        for start in range(0, len(labels), EVAL_BATCH):
            if start - correct > max_mistakes:
                break
            index = order[start:start + EVAL_BATCH]
            hit = model(images[index]).argmax(1) == labels[index]
            correct += int(hit.sum())
            wrong.append(index[~hit])
    if not wrong:
        return correct, order
    wrong = torch.cat(wrong)
    is_wrong = torch.zeros(len(labels), dtype=torch.bool)
    is_wrong[wrong] = True
    return correct, torch.cat([wrong, order[~is_wrong[order]]])


def run(arch, config, target, eval_every, seed, data_dir):
    """One training run; the figures as a dict."""
    torch.manual_seed(seed)
    train_x = read_idx(os.path.join(data_dir, "train-images-idx3-ubyte.gz"))[:TRAIN_IMAGES].reshape(-1, 784).float() / 255
    train_y = read_idx(os.path.join(data_dir, "train-labels-idx1-ubyte.gz"))[:TRAIN_IMAGES].long()
    test_x = read_idx(os.path.join(data_dir, "t10k-images-idx3-ubyte.gz")).reshape(-1, 784).float() / 255
    test_y = read_idx(os.path.join(data_dir, "t10k-labels-idx1-ubyte.gz")).long()
    model, softmax = build(arch)
    if not softmax or config.get("loss", "xent") != "xent":
        raise ValueError("only softmax outputs with cross-entropy are supported here")
    loss_fn = nn.CrossEntropyLoss()
    optimizer = make_optimizer(model.parameters(), config)
    batch, epochs = config["batch_size"], config["epochs"]
    base_lr, schedule = config["learning_rate"], config.get("schedule", "constant")
    n = len(train_y)
    batches = (n + batch - 1) // batch
    interval = max(1, math.floor(eval_every * batches + 0.5))
    needed = math.ceil(target * len(test_y) - 1e-9)
    allowed = len(test_y) - needed
    generator = torch.Generator().manual_seed(seed)
    eval_order = torch.arange(len(test_y))
    evaluations, eval_seconds = 0, 0.0
    result = None
    start = time.perf_counter()
    step = 0
    for epoch in range(epochs):
        order = torch.randperm(n, generator=generator)
        model.train()
        for b in range(batches):
            lr = base_lr * schedule_factor(schedule, epoch + b / batches, epochs)
            for group in optimizer.param_groups:
                group["lr"] = lr
            index = order[b * batch:(b + 1) * batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(train_x[index]), train_y[index])
            loss.backward()
            optimizer.step()
            step += 1
            last = step == epochs * batches
            if step % interval == 0 or last:
                e0 = time.perf_counter()
                model.eval()
                correct, eval_order = count_correct(model, test_x, test_y, len(test_y) if last else allowed, eval_order)
                model.train()
                eval_seconds += time.perf_counter() - e0
                evaluations += 1
                if correct >= needed:
                    result = {"seconds_to_target": round(time.perf_counter() - start, 3),
                              "target_accuracy": correct / len(test_y), "target_epoch": epoch + 1,
                              "target_batch": b + 1, "target_epochs": round(step / batches, 3)}
                    break
                if last:
                    result = {"seconds_to_target": None, "final_accuracy": correct / len(test_y)}
        if result is not None and result.get("seconds_to_target") is not None:
            break
    result.update({"seed": seed, "evaluations": evaluations, "evaluation_seconds": round(eval_seconds, 3),
                   "seconds": round(time.perf_counter() - start, 3), "eval_interval_batches": interval})
    return result


def child(args):
    global torch, nn
    try:
        import torch as torch_module
        from torch import nn as nn_module
    except ImportError:
        sys.exit("pytorch_time_to_accuracy.py: PyTorch is not installed; install it with: apt-get install -y python3-torch")
    torch, nn = torch_module, nn_module
    threads = int(args.threads)
    torch.set_num_threads(threads)
    config = json.loads(args.config)
    out = {"version": torch.__version__, "threads": threads, "runs": []}
    for seed in (int(s) for s in args.seeds.split(",")):
        r = run(args.arch, config, args.target, args.eval_every, seed, args.data)
        r["threads"] = threads
        out["runs"].append(r)
        reached = (f"{r['seconds_to_target']:.1f} s ({100 * r['target_accuracy']:.2f} % at {r['target_epochs']:.2f} epochs)"
                   if r["seconds_to_target"] is not None else f"not reached (final {100 * r['final_accuracy']:.2f} %)")
        print(f"PyTorch {threads} thread(s), seed {seed}: {100 * args.target:.2f} % {reached}; "
              f"{r['evaluations']} evaluations {r['evaluation_seconds']:.1f} s", flush=True)
    print(json.dumps(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--arch", required=True, help="Digit Lab architecture text (run.json's architecture)")
    parser.add_argument("--config", required=True,
                        help='JSON {"optimizer": "adam", "learning_rate": 0.002, "batch_size": 64, "epochs": 2, '
                             '"schedule": "cosine", ...}')
    parser.add_argument("--target", type=float, default=0.99)
    parser.add_argument("--eval-every", type=float, default=0.1, help="epochs between test evaluations")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--data", default=DATA, help="folder of the MNIST .gz files")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 0 < args.target <= 1:
        sys.exit(f"pytorch_time_to_accuracy.py: --target: {args.target} must be above 0 and at most 1")
    if args.child:
        child(args)
        return
    result = {"framework": "pytorch", "target": args.target, "eval_every": args.eval_every, "runs": []}
    for t in args.threads.split(","):
        env = dict(os.environ, OMP_NUM_THREADS=t, OPENBLAS_NUM_THREADS=t, MKL_NUM_THREADS=t)
        argv = [sys.executable, os.path.abspath(__file__), "--child", "--arch", args.arch, "--config", args.config,
                "--target", str(args.target), "--eval-every", str(args.eval_every), "--threads", t,
                "--seeds", args.seeds, "--data", args.data]
        proc = subprocess.run(argv, env=env, stdout=subprocess.PIPE, text=True)
        lines = proc.stdout.strip().splitlines()
        for line in lines[:-1]:
            print(line, flush=True)
        if proc.returncode != 0 or not lines or not lines[-1].startswith("{"):
            # e.g. stopped by hand on a loaded machine: the other thread counts still count
            print(f"PyTorch {t} thread(s): no result (exit code {proc.returncode})", flush=True)
            result.setdefault("failed_threads", []).append(int(t))
            continue
        part = json.loads(lines[-1])
        result["version"] = part["version"]
        result["runs"].extend(part["runs"])
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
