#!/bin/sh
# Makes the TLS files of the MySQL TLS tests (valid for 100 years), in this directory:
# a test CA, a server certificate for localhost / 127.0.0.1 and a client certificate it signs,
# and a second, unrelated CA. The CA keys are thrown away. Keys are PKCS#8 PEM.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
days=36500

openssl req -x509 -newkey rsa:2048 -nodes -days $days -subj "/CN=mlmd4j test CA" \
  -keyout "$tmp/ca-key.pem" -out ca.pem
openssl req -x509 -newkey rsa:2048 -nodes -days $days -subj "/CN=mlmd4j other CA" \
  -keyout "$tmp/other-ca-key.pem" -out other-ca.pem

openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
  -keyout server-key.pem -out "$tmp/server.csr"
# Version 3 certificates with the usual extensions: MariaDB's TLS library (wolfSSL) refuses a
# client certificate without them.
printf '%s\n' 'basicConstraints=CA:FALSE' 'keyUsage=digitalSignature,keyEncipherment' \
  'extendedKeyUsage=serverAuth' 'subjectAltName=DNS:localhost,IP:127.0.0.1' > "$tmp/server.ext"
printf '%s\n' 'basicConstraints=CA:FALSE' 'keyUsage=digitalSignature,keyEncipherment' \
  'extendedKeyUsage=clientAuth' > "$tmp/client.ext"
openssl x509 -req -in "$tmp/server.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" \
  -CAserial "$tmp/ca.srl" -CAcreateserial -days $days -extfile "$tmp/server.ext" -out server-cert.pem

openssl req -newkey rsa:2048 -nodes -subj "/CN=mlmd4j-client" \
  -keyout client-key.pem -out "$tmp/client.csr"
openssl x509 -req -in "$tmp/client.csr" -CA ca.pem -CAkey "$tmp/ca-key.pem" \
  -CAserial "$tmp/ca.srl" -CAcreateserial -days $days -extfile "$tmp/client.ext" \
  -out client-cert.pem

rm -rf "$tmp"
