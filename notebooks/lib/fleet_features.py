"""The workbench's event features (``EventFeatures``) over its fleet context, in numpy and pandas.

The features are computed over the same fleet context as ``FleetContext``, ``MeterBaseline`` and ``Features``
(model/.../anomaly/detect/): a change there must be made here too, and ``ProviderModelParityTest`` fails until it is.
Sums that the workbench keeps as running totals (rolling z-scores, identical runs) are kept the same way here, so the
digits agree, not just the formulas.
"""

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

FEATURE_NAMES = [
    "duration_log2", "profile_dev_mean", "profile_dev_abs_mean", "profile_dev_peak", "rolling_z_mean",
    "peer_ratio_log2", "identical_run_log2", "zero_share", "negative_share", "peer_zero_share",
]
ROLLING_WINDOW = 336
EPSILON_KWH = 0.01
CEILING_KWH = 50.0
HALF_HOUR = 1800
DAY = 86_400
MIN_READINGS_PER_DAY = 40
MIN_PEERS = 3
LONDON = "Europe/London"

# LearnedRanking's ordinary windows.
ORDINARY_PER_DETECTION = 8
MIN_ORDINARY = 2_048
MAX_ORDINARY = 8_192
REDRAWS = 16


def _local_seconds(epoch_seconds):
    """UTC epoch seconds → London wall-clock seconds since the epoch (the settlement day follows local time)."""
    utc = pd.to_datetime(np.asarray(epoch_seconds, dtype=np.int64), unit="s", utc=True)
    local = utc.tz_convert(LONDON).tz_localize(None)
    return local.asi8 // 1_000_000_000


def _local_epoch_day(epoch_second):
    return int(_local_seconds([epoch_second])[0] // DAY)


def _median(values):
    return float(np.median(values)) if len(values) else math.nan


@dataclass
class Calendar:
    """``FleetContext.Calendar``: the window's London days, baseline split and half-hour grid."""
    first_local_epoch_day: int
    day_count: int
    score_from_day: int
    whole_window_is_baseline: bool
    weekend: np.ndarray
    first_epoch_second: int
    half_hours: int

    @staticmethod
    def of(window_from, score_from, window_to):
        first = _local_epoch_day(window_from)
        last = _local_epoch_day(window_to - 1)
        score_first = _local_epoch_day(score_from)
        day_count = last - first + 1
        score_from_day = score_first - first
        # 1970-01-01 was a Thursday: epoch day d is a Saturday or Sunday when (d + 3) % 7 >= 5.
        weekend = ((np.arange(first, first + day_count) + 3) % 7) >= 5
        first_second = (window_from // HALF_HOUR) * HALF_HOUR
        half_hours = max(1, (window_to - first_second + HALF_HOUR - 1) // HALF_HOUR)
        return Calendar(first, day_count, score_from_day, score_from <= window_from or score_from_day == 0, weekend,
                        first_second, int(half_hours))

    def is_baseline_day(self, d):
        return np.ones_like(d, dtype=bool) if self.whole_window_is_baseline else d < self.score_from_day

    def half_hour_index(self, epoch_seconds):
        delta = np.asarray(epoch_seconds, dtype=np.int64) - self.first_epoch_second
        # Java's long division truncates towards zero.
        h = np.sign(delta) * (np.abs(delta) // HALF_HOUR)
        return np.where((h < 0) | (h >= self.half_hours), -1, h)


@dataclass
class Meter:
    """One meter's readings and ``MeterBaseline``: local calendar, profile, complete-day totals."""
    key: str
    gsp_group: str
    t: np.ndarray
    x: np.ndarray
    day: np.ndarray
    bucket: np.ndarray
    profile_median: np.ndarray
    profile_mad: np.ndarray
    daily_total: np.ndarray
    baseline_daily: float
    rolling_z: np.ndarray


def _baseline(key, gsp_group, t, x, cal):
    local = _local_seconds(t)
    day = (local // DAY - cal.first_local_epoch_day).astype(np.int64)
    slot = (local % DAY) // HALF_HOUR
    in_window = (day >= 0) & (day < cal.day_count)
    weekend = np.zeros(len(x), dtype=bool)
    weekend[in_window] = cal.weekend[day[in_window]]
    bucket = np.where(weekend, 48, 0) + slot
    usable = in_window & (x >= 0) & (x <= CEILING_KWH)
    baseline = usable & cal.is_baseline_day(day)
    median = np.full(96, math.nan)
    mad = np.full(96, math.nan)
    for b in range(96):
        values = x[baseline & (bucket == b)]
        median[b] = _median(values)
        mad[b] = _median(np.abs(values - median[b]))
    # A bucket without baseline readings borrows the other day type's bucket, else 0.
    for b in range(96):
        if math.isnan(median[b]):
            other = (b + 48) % 96
            median[b] = 0.0 if math.isnan(median[other]) else median[other]
            mad[b] = 0.0 if math.isnan(mad[other]) else mad[other]
    daily_total = np.bincount(day[usable], weights=x[usable], minlength=cal.day_count)[:cal.day_count]
    counts = np.bincount(day[usable], minlength=cal.day_count)[:cal.day_count]
    daily_total = np.where(counts < MIN_READINGS_PER_DAY, math.nan, daily_total)
    days = np.arange(cal.day_count)
    base_days = daily_total[cal.is_baseline_day(days) & ~np.isnan(daily_total)]
    return Meter(key, gsp_group, t, x, day, bucket, median, mad, daily_total, _median(base_days),
                 rolling_z(x, ROLLING_WINDOW))


def rolling_z(x, window):
    """``Features.rollingZ``, as the same running sums (a cumulative-sum shortcut would not give the same digits)."""
    z = np.zeros(len(x))
    total = 0.0
    total_sq = 0.0
    xs = x.tolist()
    least = max(2, window // 4)
    for i, v in enumerate(xs):
        n = min(i, window)
        if n >= least:
            mean = total / n
            var = max(0.0, total_sq / n - mean * mean)
            z[i] = (v - mean) / math.sqrt(var) if var > 1e-12 else 0.0
        total += v
        total_sq += v * v
        if i >= window:
            old = xs[i - window]
            total -= old
            total_sq -= old * old
    return z


@dataclass
class Group:
    peer_index: np.ndarray
    zero_share: np.ndarray
    mean_zero_share: float


@dataclass
class FleetContext:
    calendar: Calendar
    meters: dict
    groups: dict


def _gsp_letter(code):
    """"_A", "a" and "A" are one group, as ``GspGroup.fromCode`` reads them."""
    return str(code).strip().upper().lstrip("_")


def fleet_context(readings, window_from, score_from, window_to):
    """``FleetContext.build`` for the parts the event features use.

    readings: DataFrame with ``meter_key``, ``gsp_group``, ``epoch_seconds`` (UTC half-hour start) and ``kwh``.
    The window bounds are UTC epoch seconds; readings before ``score_from`` only teach each meter its baseline.
    """
    cal = Calendar.of(int(window_from), int(score_from), int(window_to))
    meters = {}
    for key, rows in readings.sort_values(["meter_key", "epoch_seconds"]).groupby("meter_key", sort=True):
        meters[key] = _baseline(key, _gsp_letter(rows["gsp_group"].iloc[0]), rows["epoch_seconds"].to_numpy(np.int64),
                                rows["kwh"].to_numpy(np.float64), cal)
    groups = {}
    for gsp in sorted({m.gsp_group for m in meters.values()}):
        members = [m for m in meters.values() if m.gsp_group == gsp]
        peer = np.ones(cal.day_count)
        for d in range(cal.day_count):
            ratios = [m.daily_total[d] / m.baseline_daily for m in members
                      if m.baseline_daily > 0 and math.isfinite(m.daily_total[d] / m.baseline_daily)]
            if len(ratios) >= MIN_PEERS:
                peer[d] = _median(np.array(ratios))
        present = np.zeros(cal.half_hours, dtype=np.int64)
        zero = np.zeros(cal.half_hours, dtype=np.int64)
        for m in members:
            h = cal.half_hour_index(m.t)
            ok = (h >= 0) & (m.x >= 0) & (m.x <= CEILING_KWH)
            present += np.bincount(h[ok], minlength=cal.half_hours)
            zero += np.bincount(h[ok & (m.x == 0)], minlength=cal.half_hours)
        share = np.divide(zero, present, out=np.zeros(cal.half_hours), where=present > 0)
        mean_zero = float(zero.sum()) / float(present.sum()) if present.sum() else 0.0
        groups[gsp] = Group(peer, share, mean_zero)
    return FleetContext(cal, meters, groups)


def _signed_log2(v):
    return math.copysign(1.0, v) * math.log(1 + abs(v)) / math.log(2) if v != 0 else 0.0


def _log2(v):
    return math.log(v) / math.log(2)


def _run_ending(m):
    """Per reading: the length of the identical non-zero run (consecutive half-hours) that ends there; 0 at a zero."""
    runs = np.zeros(len(m.x), dtype=np.int64)
    run = 0
    xs = m.x.tolist()
    ts = m.t.tolist()
    for i, v in enumerate(xs):
        continues = i > 0 and v == xs[i - 1] and ts[i] - ts[i - 1] == HALF_HOUR
        run = 0 if v == 0 else run + 1 if continues else 1
        runs[i] = run
    return runs


def event_features(context, windows):
    """``EventFeatures.of`` for each window: rows (meter_key, from_index, to_index) over the meter's sorted readings.

    Returns an array with one row per window and the columns of FEATURE_NAMES.
    """
    cal = context.calendar
    runs = {}
    rows = np.zeros((len(windows), len(FEATURE_NAMES)))
    for w, (key, start, end) in enumerate(windows):
        if not (start >= 0 and end > start):
            raise ValueError(f"An event window needs at least one reading, got [{start}, {end})")
        m = context.meters[key]
        group = context.groups[m.gsp_group]
        if key not in runs:
            runs[key] = _run_ending(m)
        s = slice(start, end)
        n = end - start
        x = m.x[s]
        median = m.profile_median[m.bucket[s]]
        dev = (x - median) / (1.4826 * m.profile_mad[m.bucket[s]] + 0.01)
        d = m.day[s]
        peer = np.ones(n)
        inside = (d >= 0) & (d < len(group.peer_index))
        peer[inside] = np.where(group.peer_index[d[inside]] > 0, group.peer_index[d[inside]], 1.0)
        h = cal.half_hour_index(m.t[s])
        group_zero = np.where(h >= 0, group.zero_share[np.maximum(h, 0)], 0.0)
        # A run counts only from the window's first reading.
        longest = int(np.max(np.minimum(runs[key][s], np.arange(1, n + 1))))
        actual = float(np.sum(x))
        expected = float(np.sum(median * peer))
        epsilon = EPSILON_KWH * n
        rows[w] = [
            _log2(n),
            _signed_log2(float(np.sum(dev)) / n),
            _log2(1 + float(np.sum(np.abs(dev))) / n),
            _signed_log2(float(np.max(dev))),
            _signed_log2(float(np.sum(m.rolling_z[s])) / n),
            _log2((max(actual, 0.0) + epsilon) / (max(expected, 0.0) + epsilon)),
            _log2(1 + longest),
            float(np.count_nonzero(x == 0)) / n,
            float(np.count_nonzero(x < 0)) / n,
            float(np.sum(group_zero)) / n - group.mean_zero_share,
        ]
    return rows

def window_indices(epoch_seconds, start, end):
    """A detection's [start, end) in UTC epoch seconds as reading indices, as ``LearnedRanking.rank`` takes them."""
    first = int(np.searchsorted(epoch_seconds, start, side="left"))
    last = max(first + 1, int(np.searchsorted(epoch_seconds, end, side="left")))
    return first, min(last, len(epoch_seconds))


def ordinary_windows(context, detection_windows, seed):
    """Windows the forest learns "ordinary" from, drawn as ``LearnedRanking`` draws them (lengths of random
    detections, random meters and starts in the scored period, clear of the meter's detections). The draw is seeded
    but uses numpy's generator, so the windows are not the workbench's own: the same recipe, not the same sample."""
    rng = np.random.default_rng(seed)
    keys = sorted(context.meters)
    taken = {k: [] for k in keys}
    for key, start, end in detection_windows:
        taken[key].append((start, end))
    first_scored = {}
    for k in keys:
        m = context.meters[k]
        if context.calendar.whole_window_is_baseline:
            first_scored[k] = 0
        else:
            later = np.nonzero(m.day >= context.calendar.score_from_day)[0]
            first_scored[k] = int(later[0]) if len(later) else len(m.day)
    count = len(detection_windows)
    target = max(MIN_ORDINARY, min(MAX_ORDINARY, ORDINARY_PER_DETECTION * count))
    drawn = []
    attempts = 0
    while count and len(drawn) < target and attempts < target * REDRAWS:
        attempts += 1
        _, s, e = detection_windows[rng.integers(count)]
        length = e - s
        k = keys[rng.integers(len(keys))]
        room = len(context.meters[k].x) - first_scored[k] - length
        if room < 0:
            continue
        start = first_scored[k] + int(rng.integers(room + 1))
        if any(start < b and a < start + length for a, b in taken[k]):
            continue
        drawn.append((k, start, start + length))
    return drawn
