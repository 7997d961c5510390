from reportlab import rl_config as _rl_config

# Streams are Flate-compressed binary, as PDF allows, not also ASCII85-encoded (a 7-bit
# transport habit): 20 % smaller streams and no encoding pass on every render.
_rl_config.useA85 = 0
