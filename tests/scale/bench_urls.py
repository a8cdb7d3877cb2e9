"""The project's URLs with make bench's peers mounted (settings.BENCH_PEERS on the benchmark's
gunicorn), for tests/scale/test_bench_data.py."""

from bench.peers import urlpatterns as peers
from config.urls import urlpatterns as project

urlpatterns = [*peers, *project]
