#!/usr/bin/env python3
"""PyTorch peer of `controller bench ppo-update`: one SB3-style PPO update, timed.

Same sizes as the C# side: separate 64-64 Tanh policy and value networks (--hidden 256 for 256-256), 2048 samples,
minibatch 64 (--batch), 10 epochs,
Adam (lr 3e-4, eps 1e-5), clip 0.2, advantage normalisation, vf_coef 0.5, ent_coef 0, grad-norm clip 0.5, masked
categorical (masked_fill -1e8 as sb3-contrib's MaskablePPO). Repeats whole updates for --seconds after one warm-up
update and prints one JSON object on stdout.
"""
import argparse
import json
import time

import torch
import torch.nn.functional as F


def mlp(inputs, outputs, hidden):
    return torch.nn.Sequential(
        torch.nn.Linear(inputs, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, outputs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--obs", type=int, default=25)
    parser.add_argument("--actions", type=int, default=9)
    parser.add_argument("--samples", type=int, default=2048)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hidden", type=int, default=64)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    pi, vf = mlp(args.obs, args.actions, args.hidden), mlp(args.obs, 1, args.hidden)
    params = list(pi.parameters()) + list(vf.parameters())
    optimizer = torch.optim.Adam(params, lr=3e-4, eps=1e-5)
    n = args.samples
    obs = torch.randn(n, args.obs)
    masks = torch.rand(n, args.actions) > 0.2
    masks[:, 0] = True
    actions = torch.zeros(n, dtype=torch.long)
    old_logp = torch.full((n,), -2.0)
    advantages = torch.randn(n)
    returns = torch.randn(n)

    def update():
        for _ in range(args.epochs):
            perm = torch.randperm(n)
            for start in range(0, n, args.batch):
                idx = perm[start:start + args.batch]
                logits = pi(obs[idx]).masked_fill(~masks[idx], -1e8)
                dist = torch.distributions.Categorical(logits=logits)
                logp = dist.log_prob(actions[idx])
                entropy = dist.entropy()
                values = vf(obs[idx]).flatten()
                adv = advantages[idx]
                adv = (adv - adv.mean()) / (adv.std() + 1e-8)
                ratio = torch.exp(logp - old_logp[idx])
                policy_loss = -torch.min(adv * ratio, adv * torch.clamp(ratio, 0.8, 1.2)).mean()
                value_loss = F.mse_loss(returns[idx], values)
                loss = policy_loss + 0.0 * -entropy.mean() + 0.5 * value_loss
                optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params, 0.5)
                optimizer.step()

    update()
    times = []
    deadline = time.perf_counter() + args.seconds
    while time.perf_counter() < deadline or not times:
        start = time.perf_counter()
        update()
        times.append(time.perf_counter() - start)
    times.sort()
    median = times[len(times) // 2]
    print(json.dumps({
        "torch": torch.__version__, "threads": torch.get_num_threads(), "updates": len(times),
        "medianUpdateSeconds": median, "samplesPerSecond": n * args.epochs / median,
    }))


if __name__ == "__main__":
    main()
