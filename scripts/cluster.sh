#!/usr/bin/env bash
# Split mode on this machine: a Kafka broker, an embedded PostgreSQL and the command, query and sagas roles as three
# processes from the packaged jar, with stand-in Dapr sidecars (see README, "Scale out"). Ctrl-C stops it all.
# Ports: COMMAND_PORT (8080, writes), QUERY_PORT (8081, reads), SAGAS_PORT (8082).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -Pcluster package dependency:build-classpath -pl server -am -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt

exec java -Dlogback.configurationFile=scripts/cluster-logback.xml \
  -cp "server/target/test-classes:$(cat server/target/test-classpath.txt)" \
  dev.taskstream.server.cluster.LocalCluster \
  server/target/taskstream.jar kafka-broker/target/lib server/target/local-cluster \
  "${COMMAND_PORT:-8080}" "${QUERY_PORT:-8081}" "${SAGAS_PORT:-8082}"
