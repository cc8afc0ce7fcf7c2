# The cabinet's image, from the repository root after ./mvnw -B package -DskipTests (web/target/dist):
#   docker build -f deploy/k8s/images/cabinet.Dockerfile -t registry.fioco.ru/training/cabinet:0.1.0 .
# nginx's settings and /config.json come from the cabinet-settings ConfigMap.
FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY web/target/dist/ /usr/share/nginx/html/
EXPOSE 8080
