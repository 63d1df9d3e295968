"""Settings for the deployed column: pelicanconf.py plus the public URL."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

# The address readers use; set SITEURL in the environment to deploy elsewhere.
SITEURL = os.environ.get("SITEURL", "https://dien-hinh-tien-tien.example")
RELATIVE_URLS = False
# A custom domain for GitHub Pages (written as output/CNAME); empty for none.
CNAME = os.environ.get("CNAME", "")
DELETE_OUTPUT_DIRECTORY = True
