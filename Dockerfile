# Build a static binary (pure-Go SQLite, no cgo), then ship it alone on a distroless base.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/iduit ./cmd/iduit

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/iduit /iduit
# The embedded SQLite default keeps its file here; mount a volume to keep drafts across containers.
WORKDIR /data
ENV IDUIT_ADDR=:8080 DATABASE_URL=sqlite:/data/iduit.db
EXPOSE 8080
USER nonroot
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["/iduit", "healthcheck"]
ENTRYPOINT ["/iduit"]
CMD ["serve"]
