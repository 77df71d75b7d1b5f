# Versus: a Discord bot that answers deep-learning framework questions.
# Build: docker build -t versus .
# Run:   docker run -e DISCORD_TOKEN=... -v versus-data:/data versus
# Own knowledge: add -v "$PWD/knowledge:/knowledge:ro" -e VERSUS_KNOWLEDGE_DIR=/knowledge

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
RUN python -m pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VERSUS_DB_PATH=/data/versus.db
RUN groupadd --gid 10001 versus && useradd --create-home --uid 10001 --gid 10001 versus \
    && mkdir /data \
    && chown versus:versus /data
COPY --from=build /dist/ /tmp/dist/
RUN python -m pip install --no-cache-dir /tmp/dist/*.whl \
    && rm -rf /tmp/dist
USER 10001:10001
WORKDIR /home/versus
VOLUME ["/data"]
HEALTHCHECK --interval=60s --timeout=10s --start-period=90s --retries=3 CMD ["versus", "health"]
ENTRYPOINT ["versus"]
CMD ["run"]
