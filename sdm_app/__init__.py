"""sdm-app: a desktop toolkit for shared decision-making in the clinic."""

import os

__version__ = "0.1.0"

# pydantic runs every installed package that declares a "pydantic" plugin entry point on
# every validation (observability SDKs do, and some send what they see over the network).
# Our models hold patient data, so no plugin may see them. It also spares each start a
# scan of every installed package's metadata (~10 ms).
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
