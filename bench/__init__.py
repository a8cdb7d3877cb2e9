"""`make bench` (issue 14, point 7): a deterministic data generator at union size
(bench/generate.py, `manage.py bench_data`), the peers the pages are compared with
(bench/peers.py, mounted only with BENCH_PEERS) and the load run against gunicorn
(bench/load.py, `manage.py bench_load`). docs/benchmarks.md, "make bench"."""
