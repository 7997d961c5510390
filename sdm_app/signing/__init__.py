"""Cryptographic signatures on plans (pyHanko): the clinic's certificate, signing, verifying.

pyHanko is slow to import (~0.4 s): every module here imports it inside functions,
so nothing pays for it until a plan is actually signed or verified.
"""
