# The Odoo image of the Coopkracht platform: the same Python, lock, lessc and wkhtmltopdf
# as the local set-up (scripts/setup.sh). Built by docker-compose.yml.
FROM python:3.7-slim-bookworm

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       wkhtmltopdf libldap2-dev libsasl2-dev libpq-dev gcc nodejs npm \
       fonts-dejavu-core xfonts-75dpi xfonts-base postgresql-client \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.lock /tmp/requirements.lock
RUN pip install --no-cache-dir 'pip==23.3.2' 'setuptools<68' wheel \
    && pip install --no-cache-dir --no-deps -r /tmp/requirements.lock

COPY package.json package-lock.json /opt/coop-npm/
RUN cd /opt/coop-npm && npm ci --no-audit --no-fund
ENV PATH="/opt/coop-npm/node_modules/.bin:${PATH}"

RUN useradd --system --home /var/lib/odoo --shell /usr/sbin/nologin odoo \
    && mkdir -p /var/lib/odoo /mnt/coop-addons && chown odoo /var/lib/odoo
COPY config/odoo-docker.conf /etc/odoo/odoo.conf
COPY scripts/odoo-bin /usr/local/bin/odoo
COPY scripts/odoo-entrypoint /usr/local/bin/odoo-entrypoint
COPY scripts/backup.py /usr/local/bin/coop-backup
USER odoo
EXPOSE 8069 8072
# the master password from ODOO_MASTER_PASSWORD, hashed into a private copy of the config
ENTRYPOINT ["python", "/usr/local/bin/odoo-entrypoint"]

