# One service's image, from the repository root after ./mvnw -B package -DskipTests:
#   docker build -f deploy/k8s/images/service.Dockerfile --build-arg SERVICE=contract-service \
#     -t registry.fioco.ru/training/contract-service:0.1.0 .
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --uid 10001 --no-create-home service
COPY --chown=10001 ${SERVICE}/service/target/quarkus-app/ /deployments/
USER 10001
ENV QUARKUS_PROFILE=prod
EXPOSE 8081 8082 8083 8084
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
