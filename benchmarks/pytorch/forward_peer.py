#!/usr/bin/env python3
"""PyTorch peer of `controller bench forward`: per-call forward of the same 64-64 policy, single decision.

Loads the weights the C# side saved (safetensors, `pi.N.weight` names), checks its logits on the given observation,
then times one decision per call (forward + masked argmax, under torch.inference_mode) for --seconds.
Prints one JSON object on stdout.
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_reader  # noqa: E402


def build(tensors, prefix):
    layers = sorted({int(k.split(".")[1]) for k in tensors if k.startswith(prefix + ".")})
    modules = []
    for i, index in enumerate(layers):
        weight = tensors[f"{prefix}.{index}.weight"]
        linear = torch.nn.Linear(weight.shape[1], weight.shape[0])
        with torch.no_grad():
            linear.weight.copy_(weight)
            linear.bias.copy_(tensors[f"{prefix}.{index}.bias"])
        modules.append(linear)
        if i < len(layers) - 1:
            modules.append(torch.nn.Tanh())
    return torch.nn.Sequential(*modules).eval()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", required=True)
    parser.add_argument("--input", required=True, help="JSON with observation and mask")
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    tensors, reader = safetensors_reader.load(args.weights)
    net = build(tensors, "pi")
    with open(args.input, encoding="utf-8") as f:
        spec = json.load(f)
    x = torch.tensor([spec["observation"]], dtype=torch.float32)
    mask = torch.tensor([spec["mask"]], dtype=torch.bool)
    minus_inf = torch.tensor(float("-inf"))

    def decide():
        with torch.inference_mode():
            logits = net(x)
            return int(torch.where(mask, logits, minus_inf).argmax())

    with torch.inference_mode():
        logits = net(x)[0].tolist()
    for _ in range(2000):
        decide()
    samples = []
    deadline = time.perf_counter() + args.seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter_ns()
        decide()
        samples.append(time.perf_counter_ns() - start)
    samples.sort()
    print(json.dumps({
        "torch": torch.__version__, "threads": torch.get_num_threads(), "reader": reader, "calls": len(samples),
        "p50Us": samples[len(samples) // 2] / 1000.0, "p99Us": samples[int(len(samples) * 0.99)] / 1000.0,
        "meanUs": sum(samples) / len(samples) / 1000.0, "logits": logits, "action": decide(),
    }))


if __name__ == "__main__":
    main()
