"""Field crews: records, dispatch services, positions, shifts and the system's ETR estimate."""
