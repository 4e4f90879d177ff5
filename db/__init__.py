"""What defines an attrib database's Datasette pages, installed as the package ``attrib.dbfiles``.

``pyproject.toml`` maps this directory (the repository's ``db/``) to
``attrib.dbfiles`` and ships ``metadata.yml`` and ``templates/`` as package
data, so a wheel carries them; code finds them with
``importlib.resources.files("attrib.dbfiles")``.  The package is also
registered as a Datasette plugin (entry point ``attrib-templates``) with no
hooks: that is how Datasette finds a plugin's ``templates/`` directory.
"""
