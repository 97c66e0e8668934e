"""pestle.report"""
