#!/usr/bin/env python3
"""Draws what docs/grafana/discord-gateway.json shows, from Prometheus scrapes recorded once a second.

Record the scrapes with DashboardPreviewRecorder (see its javadoc), then:
    python3 docs/grafana/plot_preview.py <scrapes file> docs/grafana/discord-gateway.png
Each panel applies its dashboard query's arithmetic (rates over a window, sums by label, histogram quantiles)
to the recorded samples; no Prometheus or Grafana is needed.
"""
import re
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')
WINDOW = 10


def read(path):
    """{second: {(name, frozenset(labels)): value}}"""
    scrapes = {}
    current = None
    with open(path) as lines:
        for line in lines:
            if line.startswith("# second "):
                current = {}
                scrapes[int(line.split()[2])] = current
            elif current is not None and not line.startswith("#"):
                match = SAMPLE.match(line)
                if match:
                    labels = frozenset(LABEL.findall(match.group(2) or ""))
                    current[(match.group(1), labels)] = float(match.group(3))
    return scrapes


def by(scrapes, name, label):
    """{label value: {second: sum of the samples of name with that label value}}"""
    series = defaultdict(dict)
    for second, samples in scrapes.items():
        for (sample_name, labels), value in samples.items():
            if sample_name == name:
                key = dict(labels).get(label, "")
                series[key][second] = series[key].get(second, 0.0) + value
    return series


def rate(points):
    seconds = sorted(points)
    return {t: (points[t] - points[t - WINDOW]) / WINDOW for t in seconds if t - WINDOW in points}


def ratio(numerators, denominators):
    return {t: numerators[t] / denominators[t] for t in numerators if denominators.get(t)}


def quantile(scrapes, name, q):
    """histogram_quantile(q, sum by (le) (rate(name_bucket[WINDOW])))"""
    buckets = by(scrapes, name, "le")
    result = {}
    for t in sorted(scrapes):
        deltas = sorted((float(le), points[t] - points.get(t - WINDOW, 0.0)) for le, points in buckets.items()
                        if t in points and t - WINDOW in points)
        if not deltas or deltas[-1][1] <= 0:
            continue
        rank = q * deltas[-1][1]
        lower_bound, lower_count = 0.0, 0.0
        for bound, count in deltas:
            if count >= rank:
                if bound == float("inf"):
                    result[t] = lower_bound
                else:
                    width = count - lower_count
                    result[t] = lower_bound + (bound - lower_bound) * ((rank - lower_count) / width if width else 1)
                break
            lower_bound, lower_count = bound, count
    return result


def plot(axis, series, title, unit, step=False):
    for label, points in sorted(series.items()):
        seconds = sorted(points)
        if seconds:
            values = [points[t] for t in seconds]
            (axis.step if step else axis.plot)(seconds, values, label=label, linewidth=1.4)
    axis.set_title(title, fontsize=10, loc="left")
    axis.set_ylabel(unit, fontsize=8)
    axis.tick_params(labelsize=7)
    axis.grid(alpha=0.3)
    if series:
        axis.legend(fontsize=6, loc="upper left")


def main(source, target):
    s = read(source)
    figure, axes = plt.subplots(4, 3, figsize=(16, 14))
    figure.suptitle("Discord gateway (docs/grafana/discord-gateway.json), 90 s against the simulator", fontsize=13)
    states = by(s, "discord_gateway_shard_state", "state")
    order = ["stopped", "connecting", "identifying", "resuming", "ready", "reconnect_wait", "fatal"]
    in_state = {t: max((order.index(state) for state, points in states.items() if points.get(t) == 1), default=0)
                for t in s}
    plot(axes[0][0], {"shard 0": in_state}, "Shard state", "", step=True)
    axes[0][0].set_yticks(range(len(order)), order, fontsize=7)
    latency = "discord_gateway_heartbeat_latency_seconds"
    plot(axes[0][1], {"p99": quantile(s, latency + "_bucket", 0.99),
                      "mean": ratio(rate(by(s, latency + "_sum", "")[""]), rate(by(s, latency + "_count", "")[""]))},
         "Heartbeat latency", "s")
    plot(axes[0][2], {"last ACK": by(s, "discord_gateway_last_ack_age_seconds", "")[""],
                      "last dispatch": by(s, "discord_gateway_last_dispatch_age_seconds", "")[""]},
         "Time since the last ACK and dispatch", "s")
    plot(axes[1][0], {t: rate(p) for t, p in by(s, "discord_gateway_events_total", "type").items()},
         "Dispatches received", "per s")
    lag = "discord_gateway_events_lag_seconds"
    plot(axes[1][1], {"mean lag": ratio(rate(by(s, lag + "_sum", "")[""]), rate(by(s, lag + "_count", "")[""])),
                      "max lag": by(s, lag + "_max", "")[""]}, "Listener lag", "s")
    errors = {"errors/min " + t: {k: v * 60 for k, v in rate(p).items()}
              for t, p in by(s, "discord_gateway_listener_errors_total", "type").items()}
    errors["queued"] = by(s, "discord_gateway_events_queued", "")[""]
    plot(axes[1][2], errors, "Queued dispatches and listener errors", "")
    plot(axes[2][0], {t: rate(p) for t, p in by(s, "discord_gateway_received_bytes_total", "stage").items()},
         "Bytes received", "bytes per s")
    sessions = {}
    for meter, label, prefix in (("identifies", "outcome", "identify "), ("resumes", "outcome", "resume "),
                                 ("reconnects", "action", "reconnect "), ("closes", "code", "close ")):
        for value, points in by(s, "discord_gateway_" + meter + "_total", label).items():
            sessions[prefix + value] = points
    plot(axes[2][1], sessions, "Sessions (running totals)", "", step=True)
    plot(axes[2][2], {"remaining": by(s, "discord_gateway_session_start_limit_remaining", "")[""]},
         "Identifies left", "")
    plot(axes[3][0], {t: rate(p) for t, p in by(s, "discord_gateway_commands_sent_total", "op").items()},
         "Commands sent", "per s")
    wait = "discord_gateway_commands_wait_seconds"
    plot(axes[3][1], {op: ratio(rate(p), rate(by(s, wait + "_count", "op")[op]))
                      for op, p in by(s, wait + "_sum", "op").items()}, "Command wait", "s")
    plot(axes[3][2], {op: {k: v * 60 for k, v in rate(p).items()}
                      for op, p in by(s, "discord_gateway_commands_throttled_seconds_count", "op").items()},
         "Rate limiter waits", "per min")
    for row in axes:
        for axis in row:
            axis.set_xlabel("second", fontsize=7)
    figure.tight_layout(rect=(0, 0, 1, 0.97))
    figure.savefig(target, dpi=80)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
