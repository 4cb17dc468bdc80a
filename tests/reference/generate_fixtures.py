#!/usr/bin/env python3
"""Writes the PyTorch reference fixtures the C# learning tests compare against.

Run as `/usr/bin/python3 tests/reference/generate_fixtures.py [--out DIR]` (Debian's python3-torch); DIR defaults to
tests/reference/fixtures, and test.sh writes to a temporary folder and fails on any difference from the committed
copies. Every weight and input is
drawn from a fixed seed and rounded to float32, so the C# side (which computes in float32) sees exactly the same
numbers; the reference values themselves are computed in float64, so the comparison is against exact results.
The output is deterministic: same files byte for byte on every run.
"""
import argparse
import json
import os

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")  # replaced by --out
MASKED = -1e9  # finite stand-in for -inf: exp underflows to exactly 0 in float64, and 0 * MASKED stays 0.

torch.set_default_dtype(torch.float64)
torch.use_deterministic_algorithms(True)


def f32(t):
    """Round to the nearest float32 and back, so both sides start from identical values."""
    return t.float().double()


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def tensor_entry(t):
    return {"shape": list(t.shape), "data": flat(t)}


def make_mlp(prefix, sizes, activation, gen):
    """Sequential-style parameters named like nn.Sequential: prefix.0, prefix.2, ..."""
    params = {}
    for i in range(len(sizes) - 1):
        params[f"{prefix}.{2 * i}.weight"] = f32(torch.randn(sizes[i + 1], sizes[i], generator=gen) * 0.6).requires_grad_()
        params[f"{prefix}.{2 * i}.bias"] = f32(torch.randn(sizes[i + 1], generator=gen) * 0.2).requires_grad_()
    return params


def mlp_forward(params, prefix, layers, x, activation):
    for i in range(layers):
        x = F.linear(x, params[f"{prefix}.{2 * i}.weight"], params[f"{prefix}.{2 * i}.bias"])
        if i < layers - 1:
            x = torch.tanh(x) if activation == "tanh" else torch.relu(x)
    return x


def masked_log_softmax(logits, mask):
    return torch.log_softmax(logits.masked_fill(~mask, MASKED), dim=-1)


def entropy(logp, mask):
    p = logp.exp()
    return -(torch.where(mask, p * logp, torch.zeros_like(logp))).sum(-1)


def write(name, payload):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=None, separators=(",", ":"))
        f.write("\n")


def mlp_fixture(activation, seed):
    gen = torch.Generator().manual_seed(seed)
    sizes = [5, 8, 8, 3]
    params = make_mlp("net", sizes, activation, gen)
    x = f32(torch.randn(4, 5, generator=gen)).requires_grad_()
    g = f32(torch.randn(4, 3, generator=gen))
    y = mlp_forward(params, "net", 3, x, activation)
    (y * g).sum().backward()
    write(f"mlp_{activation}.json", {
        "activation": activation, "inputSize": 5, "hidden": [8, 8], "outputSize": 3, "batch": 4,
        "parameters": {k: tensor_entry(v) for k, v in params.items()},
        "input": flat(x), "outputGrad": flat(g), "output": flat(y),
        "inputGrad": flat(x.grad), "parameterGrads": {k: flat(v.grad) for k, v in params.items()},
    })


def categorical_fixture():
    gen = torch.Generator().manual_seed(11)
    logits = f32(torch.randn(4, 5, generator=gen) * 2).requires_grad_()
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 0, 1, 0, 1], [0, 0, 1, 1, 0], [0, 1, 0, 0, 0]], dtype=torch.bool)
    actions = torch.tensor([3, 4, 2, 1])
    w_logp = f32(torch.randn(4, generator=gen))
    w_ent = f32(torch.randn(4, generator=gen))
    logp = masked_log_softmax(logits, mask)
    ent = entropy(logp, mask)
    logp_a = logp.gather(1, actions[:, None]).squeeze(1)
    (w_logp * logp_a + w_ent * ent).sum().backward()
    write("masked_categorical.json", {
        "batch": 4, "actions": 5, "logits": flat(logits), "mask": [bool(m) for m in mask.reshape(-1).tolist()],
        "sampleActions": actions.tolist(), "logProbWeights": flat(w_logp), "entropyWeights": flat(w_ent),
        "logProbs": [float(v) if m else None for v, m in zip(flat(logp), mask.reshape(-1).tolist())],
        "entropy": flat(ent), "actionLogProbs": flat(logp_a), "logitGrad": flat(logits.grad),
    })


def actor_critic_batch(seed, constraints=1):
    """A fixed batch for the actor-critic losses; with one constraint the draws are those of the first fixtures."""
    gen = torch.Generator().manual_seed(seed)
    obs_size, actions, batch = 6, 4, 8
    params = {}
    params.update(make_mlp("pi", [obs_size, 8, 8, actions], "tanh", gen))
    params.update(make_mlp("vf", [obs_size, 8, 8, 1], "tanh", gen))
    params.update(make_mlp("cost_vf", [obs_size, 8, 8, constraints], "tanh", gen))
    obs = f32(torch.randn(batch, obs_size, generator=gen))
    mask = torch.ones(batch, actions, dtype=torch.bool)
    mask[1, 0] = mask[2, 3] = mask[5, 1] = mask[5, 2] = False
    acts = torch.tensor([0, 2, 1, 3, 0, 3, 2, 1])
    data = {
        "obsSize": obs_size, "actions": actions, "constraints": constraints, "batch": batch, "hidden": [8, 8],
        "parameters": {k: tensor_entry(v) for k, v in params.items()},
        "observations": flat(obs), "masks": [bool(m) for m in mask.reshape(-1).tolist()], "sampleActions": acts.tolist(),
        "advantages": flat(f32(torch.randn(batch, generator=gen))),
        "costAdvantages": flat(f32(torch.randn(batch, constraints, generator=gen))),
        "returns": flat(f32(torch.randn(batch, generator=gen))),
        "costReturns": flat(f32(torch.randn(batch, constraints, generator=gen).abs())),
        "lambdas": [0.7, 0.3][:constraints],
    }
    return params, obs, mask, acts, data, gen


def evaluate(params, obs, mask, acts):
    logits = mlp_forward(params, "pi", 3, obs, "tanh")
    logp = masked_log_softmax(logits, mask)
    logp_a = logp.gather(1, acts[:, None]).squeeze(1)
    ent = entropy(logp, mask)
    values = mlp_forward(params, "vf", 3, obs, "tanh").squeeze(1)
    cost_values = mlp_forward(params, "cost_vf", 3, obs, "tanh")
    return logp_a, ent, values, cost_values


def lagrangian_advantage(data, normalize):
    adv = torch.tensor(data["advantages"])
    cadv = torch.tensor(data["costAdvantages"]).reshape(data["batch"], data["constraints"])
    lam = torch.tensor(data["lambdas"])
    combined = (adv - (cadv * lam).sum(1)) / (1 + lam.sum())
    if normalize:
        combined = (combined - combined.mean()) / (combined.std() + 1e-8)
    return combined


def critic_losses(data, values, cost_values):
    returns = torch.tensor(data["returns"])
    cost_returns = torch.tensor(data["costReturns"]).reshape(data["batch"], data["constraints"])
    value_loss = F.mse_loss(returns, values)
    cost_loss = sum(F.mse_loss(cost_values[:, k], cost_returns[:, k]) for k in range(data["constraints"]))
    return value_loss, cost_loss


def ppo_fixture(seed, name, with_prior, constraints=1):
    """PPO's loss on a fixed batch; with_prior adds a state log-prior to the policy's logits (TrainingSetup.StateLogPrior)."""
    params, obs, mask, acts, data, gen = actor_critic_batch(seed, constraints)
    hp = {"clipRange": 0.2, "entropyCoefficient": 0.01, "valueCoefficient": 0.5, "normalizeAdvantage": True}
    prior = None
    if with_prior:
        prior = f32(torch.where(mask, torch.randn(data["batch"], data["actions"], generator=gen) * 2, torch.zeros(data["batch"], data["actions"])))
        data["logPriors"] = flat(prior)

    def evaluate_policy():
        logits = mlp_forward(params, "pi", 3, obs, "tanh")
        logp = masked_log_softmax(logits if prior is None else logits + prior, mask)
        return logp.gather(1, acts[:, None]).squeeze(1), entropy(logp, mask)

    with torch.no_grad():
        logp_now, _ = evaluate_policy()
    # Old log-probabilities shifted so ratios spread across and beyond the clip range.
    old = f32(logp_now + (torch.rand(data["batch"], generator=gen) - 0.5) * 0.8)
    logp_a, ent = evaluate_policy()
    values = mlp_forward(params, "vf", 3, obs, "tanh").squeeze(1)
    cost_values = mlp_forward(params, "cost_vf", 3, obs, "tanh")
    adv = lagrangian_advantage(data, hp["normalizeAdvantage"])
    ratio = torch.exp(logp_a - old)
    clip = hp["clipRange"]
    policy_loss = -torch.min(adv * ratio, adv * torch.clamp(ratio, 1 - clip, 1 + clip)).mean()
    value_loss, cost_loss = critic_losses(data, values, cost_values)
    entropy_loss = -ent.mean()
    loss = policy_loss + hp["entropyCoefficient"] * entropy_loss + hp["valueCoefficient"] * (value_loss + cost_loss)
    loss.backward()
    data.update({
        "hyperparameters": hp, "oldLogProbs": flat(old), "ratios": flat(ratio),
        "policyLoss": float(policy_loss), "valueLoss": float(value_loss), "costValueLoss": float(cost_loss),
        "entropyLoss": float(entropy_loss), "loss": float(loss),
        "parameterGrads": {k: flat(v.grad) for k, v in params.items()},
    })
    write(name, data)


def a2c_fixture(seed, name, constraints=1):
    params, obs, mask, acts, data, _ = actor_critic_batch(seed, constraints)
    hp = {"entropyCoefficient": 0.01, "valueCoefficient": 0.5, "normalizeAdvantage": False}
    logp_a, ent, values, cost_values = evaluate(params, obs, mask, acts)
    adv = lagrangian_advantage(data, hp["normalizeAdvantage"])
    policy_loss = -(adv * logp_a).mean()
    value_loss, cost_loss = critic_losses(data, values, cost_values)
    entropy_loss = -ent.mean()
    loss = policy_loss + hp["entropyCoefficient"] * entropy_loss + hp["valueCoefficient"] * (value_loss + cost_loss)
    loss.backward()
    data.update({
        "hyperparameters": hp, "oldLogProbs": flat(logp_a), "policyLoss": float(policy_loss), "valueLoss": float(value_loss),
        "costValueLoss": float(cost_loss), "entropyLoss": float(entropy_loss), "loss": float(loss),
        "parameterGrads": {k: flat(v.grad) for k, v in params.items()},
    })
    write(name, data)


def optimizer_fixture(name, make):
    gen = torch.Generator().manual_seed(41)
    w = f32(torch.randn(3, 2, generator=gen)).requires_grad_()
    b = f32(torch.randn(3, generator=gen)).requires_grad_()
    initial = {"w": tensor_entry(w), "b": tensor_entry(b)}
    optimizer, settings = make([w, b])
    grads = []
    for _ in range(3):
        gw = f32(torch.randn(3, 2, generator=gen))
        gb = f32(torch.randn(3, generator=gen))
        grads.append({"w": flat(gw), "b": flat(gb)})
        w.grad = gw.clone()
        b.grad = gb.clone()
        optimizer.step()
    write(f"{name}.json", {
        "settings": settings, "initial": initial, "gradients": grads, "final": {"w": flat(w), "b": flat(b)},
    })


def gae_fixture():
    """
    GAE over a rollout laid out [step, env] with episodes that terminate and are truncated mid-rollout, γ ≠ λ, for the
    reward and two cost channels. Computed as one matrix product per channel, A = W·δ with W[t, j] = (γλ)^(j−t) while
    no episode ends in [t, j), so it shares nothing with the backward recursion it checks. A truncated step bootstraps
    from the value of its terminal observation (terminalValues), the collector's convention.
    """
    gen = torch.Generator().manual_seed(51)
    steps, envs, gamma, lam = 9, 2, 0.9, 0.7
    terminated = torch.zeros(steps, envs, dtype=torch.bool)
    truncated = torch.zeros(steps, envs, dtype=torch.bool)
    terminated[2, 0] = terminated[7, 1] = True
    truncated[5, 0] = truncated[3, 1] = True
    done = terminated | truncated

    def channel(scale):
        rewards = f32(torch.randn(steps, envs, generator=gen) * scale)
        values = f32(torch.randn(steps, envs, generator=gen) * scale)
        last = f32(torch.randn(envs, generator=gen) * scale)
        terminal = torch.where(truncated, f32(torch.randn(steps, envs, generator=gen) * scale), torch.zeros(steps, envs))
        next_values = torch.cat([values[1:], last[None]])
        delta = rewards + gamma * torch.where(truncated, terminal, next_values * ~done) - values
        weights = torch.zeros(envs, steps, steps)
        for e in range(envs):
            for t in range(steps):
                for j in range(t, steps):
                    weights[e, t, j] = (gamma * lam) ** (j - t)
                    if done[j, e]:
                        break
        advantages = torch.einsum("etj,je->te", weights, delta)
        return {"rewards": flat(rewards), "values": flat(values), "lastValues": flat(last), "terminalValues": flat(terminal),
                "advantages": flat(advantages), "returns": flat(advantages + values)}

    write("gae.json", {
        "steps": steps, "envs": envs, "gamma": gamma, "lambda": lam,
        "terminated": [bool(v) for v in terminated.reshape(-1).tolist()], "truncated": [bool(v) for v in truncated.reshape(-1).tolist()],
        "reward": channel(1.0), "costs": [channel(0.5), channel(2.0)],
    })


def main():
    global OUT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=OUT, help="folder to write the fixtures to (default: %(default)s)")
    OUT = parser.parse_args().out
    os.makedirs(OUT, exist_ok=True)
    mlp_fixture("tanh", 1)
    mlp_fixture("relu", 2)
    categorical_fixture()
    ppo_fixture(21, "ppo_loss.json", with_prior=False)
    a2c_fixture(31, "a2c_loss.json")
    ppo_fixture(71, "ppo_prior_loss.json", with_prior=True)
    ppo_fixture(81, "ppo_two_constraints_loss.json", with_prior=False, constraints=2)
    a2c_fixture(91, "a2c_two_constraints_loss.json", constraints=2)
    gae_fixture()
    optimizer_fixture("adam", lambda ps: (torch.optim.Adam(ps, lr=0.05, betas=(0.9, 0.999), eps=1e-5),
                                          {"learningRate": 0.05, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-5}))
    optimizer_fixture("rmsprop", lambda ps: (torch.optim.RMSprop(ps, lr=0.01, alpha=0.99, eps=1e-5),
                                             {"learningRate": 0.01, "alpha": 0.99, "epsilon": 1e-5}))
    print(f"wrote fixtures to {OUT} with torch {torch.__version__}")


if __name__ == "__main__":
    main()
