// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IStakingPoolInit, PoolConfig} from "../../interfaces/IStakingPoolInit.sol";

/// @notice TEST-ONLY STAND-IN for the StakingPool implementation: records the config it was
/// initialised with, once, so the campaign tests can check what the factory passes to a pool.
contract StakingPoolStandIn is IStakingPoolInit {
    PoolConfig public config;
    bool public initialized;

    function initialize(PoolConfig calldata config_) external {
        require(!initialized, "initialized");
        initialized = true;
        config = config_;
    }
}
