#!/usr/bin/env python3
"""Prints (or writes, with a file argument) the machine and toolchain a benchmark run used, as JSON."""
import json
import os
import platform
import re
import subprocess
import sys
import time


def first_line(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        text = (out.stdout or out.stderr).strip()
        return text.splitlines()[0] if text else 'unknown'
    except (OSError, subprocess.SubprocessError):
        return 'not installed'


def cpu_model():
    try:
        with open('/proc/cpuinfo') as fh:
            for line in fh:
                if line.startswith('model name'):
                    return line.split(':', 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or 'unknown'


def mem_total_gib():
    try:
        with open('/proc/meminfo') as fh:
            for line in fh:
                if line.startswith('MemTotal:'):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def os_name():
    try:
        with open('/etc/os-release') as fh:
            m = re.search(r'^PRETTY_NAME="?([^"\n]*)"?', fh.read(), re.M)
            if m:
                return f'{m.group(1)}, Linux {platform.release()}'
    except OSError:
        pass
    return f'{platform.system()} {platform.release()}'


def hypervisor():
    try:
        out = subprocess.run(['lscpu'], capture_output=True, text=True, timeout=30).stdout
        m = re.search(r'^Hypervisor vendor:\s*(.+)$', out, re.M)
        return f'{m.group(1).strip()} guest' if m else None
    except (OSError, subprocess.SubprocessError):
        return None


def package_version(name):
    try:
        with open(os.path.join('node_modules', name, 'package.json')) as fh:
            return json.load(fh)['version']
    except (OSError, KeyError, ValueError):
        return 'unknown'


def main():
    info = {
        'date': time.strftime('%Y-%m-%d %H:%M %Z'),
        'cpu': cpu_model(),
        'cores': os.cpu_count(),
        'memory_gib': mem_total_gib(),
        'os': os_name(),
        'hypervisor': hypervisor(),
        'node': first_line(['node', '--version']),
        'python': platform.python_version(),
        'go': first_line(['go', 'version']),
        'java': first_line(['java', '-version']),
        'packages': {n: package_version(n) for n in ('cdktf', '@cdktf/provider-aws', 'constructs', 'jsii', '@aws-sdk/client-ecr')},
    }
    text = json.dumps(info, indent=1)
    if len(sys.argv) > 1:
        with open(sys.argv[1], 'w') as fh:
            fh.write(text + '\n')
    print(text)


if __name__ == '__main__':
    main()
