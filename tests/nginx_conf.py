# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A throw-away nginx for the tests (tests/test_deploy_proxy.py, tests/test_two_servers.py):
a main configuration that keeps every file in one directory, around an http block."""
import os


def write_main_config(directory, http_body):
    """nginx.conf in directory with http_body inside its http block; returns its path."""
    main = """
{user}
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/nginx-error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {d}/body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
{body}
}}
""".format(d=directory, user="user root;" if os.geteuid() == 0 else "", body=http_body)
    path = os.path.join(directory, "nginx.conf")
    with open(path, "w") as f:
        f.write(main)
    return path
