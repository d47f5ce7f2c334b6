-- The assistant (AI助手): conversations and every ask with its answers, per user. docs/assistant.md.
-- context: the conversation state (JSON) a follow-up leans on ("那宁波呢?").
CREATE TABLE assistant_conversations (
  id VARCHAR PRIMARY KEY,
  user_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  title VARCHAR NOT NULL,
  context VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE assistant_asks (
  id VARCHAR PRIMARY KEY,
  conversation_id VARCHAR NOT NULL,
  user_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  question VARCHAR NOT NULL,
  answers VARCHAR NOT NULL,            -- JSON: the answers as returned (text, table, citations, queries)
  millis INTEGER NOT NULL,
  via_model BOOLEAN NOT NULL,          -- an OpenAI-compatible endpoint took part
  asked_at TIMESTAMPTZ NOT NULL
);
