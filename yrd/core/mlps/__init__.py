"""MLPS 2.0 level 3 (GB/T 22239-2019) mechanisms: password policy, session idle timeout, separation
of duties, two-factor authentication by role, security alerts and audit retention (README, "MLPS level 3")."""
