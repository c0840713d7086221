"""Workforce maths for the infoline: how many consultants an interval needs.

Vocabulary (all times in seconds):

- contacts: calls offered in one interval (e.g. 100 calls per 30 minutes);
- AHT: average handle time, talk plus wrap-up;
- traffic A, in Erlangs: the work offered, contacts × AHT / interval length.
  Ten Erlangs keep ten consultants busy all the time;
- N: consultants (agents) logged in and taking calls;
- service level: the share of callers answered within a target time t
  ("80 % within 20 s");
- ASA: average speed of answer, the mean wait of the callers who are answered.

Erlang C (M/M/N) assumes random (Poisson) arrivals, exponential handle times and
callers who wait as long as it takes. Erlang A (M/M/N+M) adds callers who hang up
after an exponentially distributed patience, which is what really happens on an
overloaded line. Standard library only.
"""

import math

__all__ = [
    "agents_needed",
    "agents_needed_a",
    "asa",
    "erlang_a",
    "erlang_b",
    "erlang_c",
    "occupancy",
    "patience_estimate",
    "service_level",
    "traffic_intensity",
    "what_if",
]


def traffic_intensity(contacts: float, interval_seconds: float, aht_seconds: float) -> float:
    """Offered traffic in Erlangs: A = contacts × AHT / interval.

    100 calls in 30 minutes with a 3-minute handle time is 100 × 180 / 1800 = 10 Erlangs.
    """
    if interval_seconds <= 0:
        raise ValueError("interval_seconds must be positive")
    if contacts < 0 or aht_seconds < 0:
        raise ValueError("contacts and aht_seconds must not be negative")
    return contacts * aht_seconds / interval_seconds


def _check(agents: int, traffic: float) -> None:
    if agents < 0:
        raise ValueError("agents must not be negative")
    if traffic < 0:
        raise ValueError("traffic must not be negative")


def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability of a loss system (Erlang B), by the stable recursion.

    B(0) = 1 and B(k) = A·B(k−1) / (k + A·B(k−1)). Every step stays in [0, 1], so
    there are no factorials or powers to overflow, even for hundreds of agents.
    """
    _check(agents, traffic)
    b = 1.0
    for k in range(1, agents + 1):
        b = traffic * b / (k + traffic * b)
    return b


def erlang_c(agents: int, traffic: float) -> float:
    """Probability that a caller has to wait at all (Erlang C).

    Textbook form: C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)).
    Computed stably from Erlang B: C = B·N / (N − A·(1 − B)).

    With no traffic nobody waits (0.0). When agents ≤ traffic the queue grows
    without bound and every caller waits (1.0).
    """
    _check(agents, traffic)
    if traffic == 0:
        return 0.0
    if agents <= traffic:
        return 1.0
    b = erlang_b(agents, traffic)
    return b * agents / (agents - traffic * (1.0 - b))


def service_level(agents: int, traffic: float, aht_seconds: float, target_seconds: float) -> float:
    """Share of callers answered within target_seconds (Erlang C).

    The wait of a caller who does wait is exponential with rate (N − A)/AHT, so
    SL = 1 − C · exp(−(N − A) · t / AHT).

    Zero traffic gives 1.0; agents ≤ traffic gives 0.0 (the queue never empties).
    """
    _check(agents, traffic)
    if traffic == 0:
        return 1.0
    if agents <= traffic:
        return 0.0
    if aht_seconds <= 0:
        raise ValueError("aht_seconds must be positive")
    waiting = erlang_c(agents, traffic)
    level = 1.0 - waiting * math.exp(-(agents - traffic) * max(target_seconds, 0.0) / aht_seconds)
    return min(max(level, 0.0), 1.0)


def asa(agents: int, traffic: float, aht_seconds: float) -> float:
    """Average speed of answer in seconds (Erlang C): ASA = C · AHT / (N − A).

    Averaged over all callers, including those answered at once. Zero traffic
    gives 0.0; agents ≤ traffic gives math.inf.
    """
    _check(agents, traffic)
    if traffic == 0:
        return 0.0
    if agents <= traffic:
        return math.inf
    return erlang_c(agents, traffic) * aht_seconds / (agents - traffic)


def occupancy(agents: int, traffic: float) -> float:
    """Share of logged-in time the agents spend handling calls: A / N, at most 1.

    Above about 0.85–0.90 consultants burn out, however good the service level.
    """
    _check(agents, traffic)
    if agents == 0:
        return 1.0 if traffic > 0 else 0.0
    return min(traffic / agents, 1.0)


def agents_needed(
    contacts: float,
    interval_seconds: int,
    aht_seconds: float,
    target_level: float,
    target_seconds: float,
    max_agents: int = 500,
) -> int:
    """The smallest N whose Erlang C service level reaches target_level.

    Raw staffing, before shrinkage (breaks, training, sickness). The search
    starts at the first N above the traffic, since fewer agents give a service
    level of 0; no contacts need no agents (0). Raises ValueError if even
    max_agents is not enough.
    """
    if not 0 < target_level <= 1:
        raise ValueError("target_level must be in (0, 1]")
    traffic = traffic_intensity(contacts, interval_seconds, aht_seconds)
    if traffic == 0:
        return 0
    for agents in range(math.floor(traffic) + 1, max_agents + 1):
        if service_level(agents, traffic, aht_seconds, target_seconds) >= target_level:
            return agents
    raise ValueError(f"more than {max_agents} agents needed for {traffic:.1f} Erlangs")


def agents_needed_a(
    contacts: float,
    interval_seconds: int,
    aht_seconds: float,
    patience_seconds: float,
    target_level: float,
    target_seconds: float,
    max_agents: int = 500,
) -> int:
    """The smallest N whose Erlang A service level (see erlang_a) reaches target_level.

    Callers who hang up count against the service level, but they also
    shorten the queue for everyone behind them, so Erlang A often meets a
    target with fewer consultants than Erlang C, and it has an answer even
    when N ≤ A, where Erlang C's queue grows without bound.

    The search goes upward like agents_needed, but from ⌊target_level · A⌋
    rather than 1: every answered caller takes a consultant for AHT on
    average, so λ · P(answered) · AHT ≤ N, i.e. the service level is at most
    P(answered) ≤ N / A, and fewer agents cannot reach the target. Raw
    staffing, before shrinkage. patience_seconds = math.inf is Erlang C
    (agents_needed). Raises ValueError if even max_agents is not enough.
    """
    if not 0 < target_level <= 1:
        raise ValueError("target_level must be in (0, 1]")
    if aht_seconds <= 0 or patience_seconds <= 0:
        raise ValueError("aht_seconds and patience_seconds must be positive")
    if math.isinf(patience_seconds):
        return agents_needed(contacts, interval_seconds, aht_seconds, target_level, target_seconds, max_agents)
    traffic = traffic_intensity(contacts, interval_seconds, aht_seconds)
    if traffic == 0:
        return 0
    rate = contacts / interval_seconds
    for agents in range(max(1, math.floor(target_level * traffic)), max_agents + 1):
        try:
            level = erlang_a(agents, rate, aht_seconds, patience_seconds, target_seconds)["service_level"]
        except ValueError:
            # Inputs are checked above, so this is erlang_a refusing a queue of
            # 100,000 waiting callers (near-infinite patience, overloaded line):
            # nobody joining that queue is answered within any practical target.
            continue
        if level >= target_level:
            return agents
    raise ValueError(f"more than {max_agents} agents needed for {traffic:.1f} Erlangs")


def what_if(
    contacts: float,
    interval_seconds: int,
    aht_seconds: float,
    target_seconds: float,
    agent_range=range(3, 9),
) -> list[dict]:
    """A staffing table: one row per headcount in agent_range.

    Each row is {"agents", "service_level", "asa", "occupancy"} for the same
    offered traffic, so a team leader can see what one more or one fewer
    consultant does to the queue.
    """
    traffic = traffic_intensity(contacts, interval_seconds, aht_seconds)
    return [
        {
            "agents": agents,
            "service_level": service_level(agents, traffic, aht_seconds, target_seconds),
            "asa": asa(agents, traffic, aht_seconds),
            "occupancy": occupancy(agents, traffic),
        }
        for agents in agent_range
    ]


# Erlang A ---------------------------------------------------------------------

#: Queue states whose stationary probability is below e^-_LOG_NEGLIGIBLE times
#: the largest one are dropped (e^-45 ≈ 3·10^-20).
_LOG_NEGLIGIBLE = 45.0


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(math.fsum(math.exp(v - top) for v in values))


def erlang_a(
    agents: int,
    arrival_rate_per_s: float,
    aht_seconds: float,
    patience_seconds: float,
    target_seconds: float,
    max_queue: int = 100_000,
) -> dict:
    """Erlang A (M/M/N+M): Erlang C with callers who hang up.

    Arrivals are Poisson with rate λ, handle times exponential with rate
    μ = 1/AHT and each waiting caller abandons at rate θ = 1/patience (mean
    patience). The number of callers in the system n is a birth–death chain:
    births λ, deaths min(n, N)·μ + max(n − N, 0)·θ, so its stationary
    distribution is π_n ∝ Π_{i=1..n} λ / death_i. It is computed in log space
    (no overflow for large λ or N) and normalised with log-sum-exp.

    Truncation: the chain is followed past the point where λ < death_n (the
    peak) until π_n falls below e^-45 of the largest term, i.e. the dropped
    tail is below about 10^-19; with θ > 0 the tail decays faster than
    geometrically, so this is reached quickly. If max_queue waiting callers
    are reached first, ValueError is raised rather than returning a truncated
    answer (this only happens with near-infinite patience on an overloaded line).

    A caller arriving to find k others waiting (Poisson arrivals see the
    stationary distribution) moves up one place at rate r_j = Nμ + jθ (a
    service ends, or someone ahead hangs up) while j are ahead, and hangs up
    at rate θ, so:

    - P(answered | k) = Π_{j=0..k} r_j / (r_j + θ);
    - given that, the wait is a sum of exponentials with rates Nμ + (j+1)θ,
      j = 0..k, whose distribution function is a negative binomial tail:
      P(wait ≤ t) = 1 − Σ_{a=0..k} NB(a; b = Nμ/θ + 1, x = 1 − e^{−θt});
    - its mean is Σ_{j=0..k} 1 / (Nμ + (j+1)θ).

    Returns a dict:

    - service_level: share of all callers answered within target_seconds
      (callers who hang up count against it, as they do on the wallboard);
    - abandonment: probability that a caller hangs up before being answered;
    - asa: mean wait of the callers who are answered, in seconds.

    patience_seconds = math.inf is plain Erlang C (no abandonment).
    """
    if agents < 1:
        raise ValueError("erlang_a needs at least one agent")
    if arrival_rate_per_s < 0:
        raise ValueError("arrival_rate_per_s must not be negative")
    if aht_seconds <= 0 or patience_seconds <= 0:
        raise ValueError("aht_seconds and patience_seconds must be positive")
    if arrival_rate_per_s == 0:
        return {"service_level": 1.0, "abandonment": 0.0, "asa": 0.0}
    if math.isinf(patience_seconds):
        traffic = arrival_rate_per_s * aht_seconds
        return {
            "service_level": service_level(agents, traffic, aht_seconds, target_seconds),
            "abandonment": 0.0,
            "asa": asa(agents, traffic, aht_seconds),
        }

    lam, mu, theta = arrival_rate_per_s, 1.0 / aht_seconds, 1.0 / patience_seconds
    n_mu = agents * mu

    # Unnormalised log π_n for n = 0, 1, ... (n ≤ N: nobody waits).
    log_pi = [0.0]
    for n in range(1, agents + 1):
        log_pi.append(log_pi[-1] + math.log(lam) - math.log(n * mu))
    peak = max(log_pi)
    k = 0  # callers waiting in state N + k
    while True:
        k += 1
        death = n_mu + k * theta
        log_pi.append(log_pi[-1] + math.log(lam) - math.log(death))
        peak = max(peak, log_pi[-1])
        if lam < death and log_pi[-1] < peak - _LOG_NEGLIGIBLE:
            break
        if k >= max_queue:
            raise ValueError(f"Erlang A queue not negligible at {max_queue} waiting callers")
    log_total = _logsumexp(log_pi)
    pi = [math.exp(v - log_total) for v in log_pi]

    answered_at_once = math.fsum(pi[:agents])
    t = max(target_seconds, 0.0)
    c = n_mu / theta  # so that Nμ + jθ = θ·(c + j)
    log_x = math.log(-math.expm1(-theta * t)) if t > 0 else -math.inf

    answered = [answered_at_once]
    answered_in_time = [answered_at_once]
    answered_wait = []  # π · P(answered | k) · E[wait | answered, k]
    log_p_answer = 0.0  # log P(answered | k), built up over j
    mean_wait = 0.0  # E[wait | answered, k], built up over j
    nb_log_term = -(n_mu + theta) * t  # log NB(0) = b·log(1 − x) = −(Nμ + θ)·t
    nb_cdf = math.exp(nb_log_term)  # Σ_{a ≤ k} NB(a)
    for j in range(len(pi) - agents):
        if j > 0:
            if t > 0:
                nb_log_term += log_x + math.log(c + j) - math.log(j)
                nb_cdf += math.exp(nb_log_term)
        rate = n_mu + j * theta
        log_p_answer += math.log(rate) - math.log(rate + theta)
        mean_wait += 1.0 / (rate + theta)
        weight = pi[agents + j] * math.exp(log_p_answer)
        answered.append(weight)
        answered_in_time.append(weight * max(0.0, 1.0 - nb_cdf) if t > 0 else 0.0)
        answered_wait.append(weight * mean_wait)

    p_answered = min(math.fsum(answered), 1.0)
    return {
        "service_level": min(max(math.fsum(answered_in_time), 0.0), 1.0),
        "abandonment": max(1.0 - p_answered, 0.0),
        "asa": math.fsum(answered_wait) / p_answered if p_answered > 0 else math.inf,
    }


def patience_estimate(waits_answered, waits_abandoned, min_abandoned: int = 5) -> float | None:
    """Mean caller patience in seconds, estimated from what the queue observed.

    The standard estimator for exponential patience (Brown et al. 2005,
    "Statistical analysis of a telephone call center: a queueing-science
    perspective", JASA 100; Mandelbaum & Zeltyn, "The Palm/Erlang-A queue"):

        θ̂ = abandonments / total time waited by all callers who waited,
        mean patience = 1 / θ̂.

    A caller who hung up after w seconds shows their patience was w; a caller
    answered after w seconds only shows it was more than w (a censored
    observation), so both waits go into the denominator, but only the hang-ups
    into the numerator. This is the maximum-likelihood estimate of the
    exponential rate under that censoring. Callers answered at once add 0.

    waits_answered: seconds from joining the queue to being answered;
    waits_abandoned: seconds from joining the queue to hanging up.
    Returns None when there are fewer than min_abandoned hang-ups (a handful
    of abandonments gives a patience estimate too noisy to staff by) or no
    waiting time at all.
    """
    answered, abandoned = list(waits_answered), list(waits_abandoned)
    if any(w < 0 for w in answered + abandoned):
        raise ValueError("waits must not be negative")
    total = math.fsum(answered) + math.fsum(abandoned)
    if len(abandoned) < max(min_abandoned, 1) or total <= 0:
        return None
    return total / len(abandoned)
