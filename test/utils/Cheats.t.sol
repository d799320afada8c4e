// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TestBase} from "./Vm.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";

/// @notice Checks that the cheatcodes declared in Vm.sol work on this Hardhat, so a broken
/// toolchain shows up here and not as a puzzling failure in another suite.
contract CheatsTest is TestBase {
    MockERC20 internal token;

    function setUp() public {
        token = new MockERC20("Mock", "MOCK", 18);
    }

    function test_warpRollPrankDeal() public {
        vm.warp(1_000_000);
        assertEq(block.timestamp, 1_000_000, "warp");
        vm.roll(77);
        assertEq(block.number, 77, "roll");
        address alice = vm.addr(0xA11CE);
        vm.deal(alice, 5 ether);
        assertEq(alice.balance, 5 ether, "deal");
        token.mint(alice, 10);
        vm.prank(alice);
        token.transfer(address(this), 4);
        assertEq(token.balanceOf(address(this)), 4, "prank");
    }

    function test_expectRevertAndSign() public {
        vm.expectRevert();
        token.transfer(address(1), 1);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(0xB0B, keccak256("x"));
        assertEq(uint160(ecrecover(keccak256("x"), v, r, s)), uint160(vm.addr(0xB0B)), "sign");
    }

    function testFuzz_bound(uint256 x) public pure {
        uint256 y = bound(x, 10, 20);
        assertGe(y, 10, "lo");
        assertLe(y, 20, "hi");
    }
}
