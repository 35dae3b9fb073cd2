-- One database per service (ARCHITECTURE.md §1); each service migrates its own with Flyway.
CREATE DATABASE frontdoor_referral;
CREATE DATABASE frontdoor_allocation;
CREATE DATABASE frontdoor_metrics;
