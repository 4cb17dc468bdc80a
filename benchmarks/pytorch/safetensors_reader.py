"""Reads a safetensors file into PyTorch tensors.

Uses the `safetensors` package when it is installed; otherwise parses the layout directly (8-byte little-endian
header length, JSON header with dtype/shape/data_offsets, raw little-endian data), which is all the format is.
"""
import json
import struct

import torch


def load(path):
    try:
        from safetensors.torch import load_file  # type: ignore
        return load_file(path), "safetensors"
    except ImportError:
        pass
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] != "F32":
            raise ValueError(f"{path}: tensor {name} has dtype {entry['dtype']}, expected F32")
        begin, end = entry["data_offsets"]
        tensors[name] = torch.frombuffer(bytearray(data[base + begin:base + end]), dtype=torch.float32).reshape(entry["shape"])
    return tensors, "built-in reader"
