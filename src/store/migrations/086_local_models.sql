-- Models a county writes itself (docs/local-models.md): a declarative template, versioned. Every save
-- is a new version (the old ones kept); the model runs its latest version over its region once it is
-- switched on. Its hits and clues are those of any model (model_hits, clues: model_code = code).

CREATE TABLE local_models (
  code VARCHAR PRIMARY KEY,             -- 'LOC-' + region + '-' + sequence
  region_code VARCHAR NOT NULL,         -- the region it runs over (the author's jurisdiction or inside it)
  name VARCHAR NOT NULL,                -- of the latest version
  version INTEGER NOT NULL,             -- the latest
  enabled BOOLEAN NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  created_by VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  updated_by VARCHAR NOT NULL
);

CREATE TABLE local_model_versions (
  code VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  template VARCHAR NOT NULL,            -- JSON: the Template of src/models/local/template.ts
  created_at TIMESTAMPTZ NOT NULL,
  created_by VARCHAR NOT NULL,
  PRIMARY KEY (code, version)
);
